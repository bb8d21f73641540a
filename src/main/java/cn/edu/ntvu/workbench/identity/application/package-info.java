/** Use cases of the directory and of signing in: who is this person, what may they do. */
package cn.edu.ntvu.workbench.identity.application;
