package cn.edu.ntvu.workbench.forms.application;

/**
 * A file chosen for a file question, as the page read it (at most one byte beyond the question's
 * limit); {@link FormFilling#submit} checks its size, content and pixels before storing it.
 */
public record NewFile(long questionId, String name, String contentType, byte[] bytes) {}
