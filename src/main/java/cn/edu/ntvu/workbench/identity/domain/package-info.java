/**
 * The school directory: people (学工号), departments (院系), classes (班级) and role grants with their
 * scope.
 */
package cn.edu.ntvu.workbench.identity.domain;
