/**
 * 通知 (notices): staff send a notice to a class, a department or the school, see who has read and
 * confirmed it, remind the rest with one tap, recall it within 24 hours. See docs/notices.md.
 */
package cn.edu.ntvu.workbench.notices;
