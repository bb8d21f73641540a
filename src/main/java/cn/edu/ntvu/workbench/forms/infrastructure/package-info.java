/**
 * The forms tables in SQL, the audience resolved from the directory, the settings and the closing
 * job.
 */
package cn.edu.ntvu.workbench.forms.infrastructure;
