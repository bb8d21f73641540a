/** The pages under {@code /forms/} (builder, filling, results) and the export and file servlets. */
package cn.edu.ntvu.workbench.forms.interfaces.web;
