package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.AttachmentKind;
import java.io.Serializable;

/**
 * A file the student added to the form, already checked by content ({@link AttachmentKind#sniff}).
 */
public record NewAttachment(String fileName, AttachmentKind kind, byte[] content)
    implements Serializable {}
