/**
 * Use cases of the directory and of signing in: who is this person, what may they do, and the admin
 * import of people, departments and classes (preview, then an all-or-nothing apply).
 */
package cn.edu.ntvu.workbench.identity.application;
