package cn.edu.ntvu.workbench.forms.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** One stored answer to one question. */
public record StoredAnswer(
    long questionId, String text, BigDecimal number, List<String> choices, Long fileId)
    implements Serializable {}
