/** Tables of the sync (runs, items, each person's WeCom state), the background runner and the settings. */
package cn.edu.ntvu.workbench.contacts.infrastructure;
