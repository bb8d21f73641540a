/**
 * The composition root: what the whole application is made of and who may reach which part of it —
 * the filter chain ({@link cn.edu.ntvu.workbench.composition.WebSetup}), the route policy table
 * ({@link cn.edu.ntvu.workbench.composition.Routes}), the guards that enforce it, and a new
 * school's first data ({@link cn.edu.ntvu.workbench.composition.FirstData}, imported through every
 * context's own import). It may use every context; no context uses it.
 */
package cn.edu.ntvu.workbench.composition;
