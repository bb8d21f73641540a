/**
 * Tiles, scenes, who sees a tile (visibility rules over roles, kinds, departments, classes,
 * people), icon names.
 */
package cn.edu.ntvu.workbench.portal.domain;
