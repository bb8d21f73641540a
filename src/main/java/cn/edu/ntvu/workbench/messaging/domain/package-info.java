/** The outbox's pure rules: back-off between attempts and WeCom's per-person sending limits. */
package cn.edu.ntvu.workbench.messaging.domain;
