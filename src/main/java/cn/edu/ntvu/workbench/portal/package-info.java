/**
 * The portal (the workbench home, was {@code cn.edu.ntvu.workbench.workbench}): tiles grouped by
 * scene, who sees which, badges from the micro-apps' {@code BadgeProvider}s, the home page and the
 * tile admin console. It imports no micro-app: each declares its own badge provider and its own
 * tile. See docs/portal.md.
 */
package cn.edu.ntvu.workbench.portal;
