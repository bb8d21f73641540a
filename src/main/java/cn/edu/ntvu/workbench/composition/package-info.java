/**
 * The composition root: what the whole application is made of and who may reach which part of it — the filter
 * chain ({@link cn.edu.ntvu.workbench.composition.WebSetup}), the route policy table
 * ({@link cn.edu.ntvu.workbench.composition.Routes}) and the guards that enforce it. It may use every context; no
 * context uses it.
 */
package cn.edu.ntvu.workbench.composition;
