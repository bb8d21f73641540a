/** The pages under {@code /leave/}, the attachment download and the workbench tile's badge. */
package cn.edu.ntvu.workbench.leave.interfaces.web;
