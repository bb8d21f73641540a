/** What every micro-app shares: configuration, the database, web plumbing and health. */
package cn.edu.ntvu.workbench.platform;
