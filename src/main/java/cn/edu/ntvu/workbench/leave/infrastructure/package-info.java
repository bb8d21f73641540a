/** SQL of the leave tables and the approvers' lookup in the directory tables (read only). */
package cn.edu.ntvu.workbench.leave.infrastructure;
