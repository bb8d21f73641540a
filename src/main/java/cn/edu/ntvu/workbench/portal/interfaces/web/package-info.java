/**
 * The home page (written in one pass by {@link HomeServlet}), the tile guard, the icon servlet and
 * the admin pages.
 */
package cn.edu.ntvu.workbench.portal.interfaces.web;
