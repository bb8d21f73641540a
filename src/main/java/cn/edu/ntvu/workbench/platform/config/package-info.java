/** MicroProfile Config keys of the application, their defaults and their start-up validation. */
package cn.edu.ntvu.workbench.platform.config;
