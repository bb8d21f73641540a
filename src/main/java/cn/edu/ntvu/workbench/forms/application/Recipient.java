package cn.edu.ntvu.workbench.forms.application;

import java.io.Serializable;

/** One person of a published form's audience, and whether they have filled it. */
public record Recipient(String account, String name, String unitName, boolean filled)
    implements Serializable {}
