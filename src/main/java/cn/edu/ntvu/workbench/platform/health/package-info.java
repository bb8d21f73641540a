/** MicroProfile Health checks: readiness says DOWN while the database cannot be reached. */
package cn.edu.ntvu.workbench.platform.health;
