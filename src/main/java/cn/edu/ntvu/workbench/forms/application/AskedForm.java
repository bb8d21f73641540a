package cn.edu.ntvu.workbench.forms.application;

import java.io.Serializable;

/** A published form that asks someone, and whether they have filled it. */
public record AskedForm(FormRow form, boolean filled) implements Serializable {}
