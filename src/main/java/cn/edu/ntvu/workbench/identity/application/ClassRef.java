package cn.edu.ntvu.workbench.identity.application;

/** A class (班级) as other micro-apps name it: its code and its name, e.g. 2401000 机械制造241班. */
public record ClassRef(String code, String name) {}
