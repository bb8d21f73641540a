/** The uploaded verification files, stored for every server and audited. */
package cn.edu.ntvu.workbench.wecom.setup.application;
