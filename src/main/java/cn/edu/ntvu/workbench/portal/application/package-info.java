/**
 * The workbench home: the tiles a person sees (cached per tiles version), the badge numbers from
 * every {@link BadgeProvider} in one time box, and the admin console's services (add, edit, move,
 * icons, export and import).
 */
package cn.edu.ntvu.workbench.portal.application;
