/** What the micro-apps share about uploaded files: recognising them by content. */
package cn.edu.ntvu.workbench.platform.files;
