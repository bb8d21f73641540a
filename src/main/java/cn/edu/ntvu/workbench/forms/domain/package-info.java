/**
 * The forms' rules without a container: question types and their checks, the lifecycle, anonymity.
 */
package cn.edu.ntvu.workbench.forms.domain;
