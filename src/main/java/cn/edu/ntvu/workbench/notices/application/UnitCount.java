package cn.edu.ntvu.workbench.notices.application;

import java.io.Serializable;

/** Read and confirmed counts of one class (or department, for staff). */
public record UnitCount(String unitName, long recipients, long read, long confirmed)
    implements Serializable {}
