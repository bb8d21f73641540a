/** Web plumbing shared by the whole application, such as the one Jakarta REST application. */
package cn.edu.ntvu.workbench.platform.web;
