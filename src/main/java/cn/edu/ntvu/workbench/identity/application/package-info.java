/** Use cases of the school directory: previewing and applying admin imports of departments, classes and people. */
package cn.edu.ntvu.workbench.identity.application;
