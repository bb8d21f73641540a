package cn.edu.ntvu.workbench.forms.application;

/** An uploaded file for a file question, already recognised by content. */
public record NewFile(long questionId, String name, String contentType, byte[] bytes) {}
