package cn.edu.ntvu.workbench.contacts.domain;

/**
 * A department as the directory has it, for the sync: 院系 or office, or a class (班级) when classes
 * are synced as sub-departments. {@code parentCode} is null for the root (the university), which is
 * WeCom's department 1.
 */
public record DirectoryDepartment(String code, String name, String parentCode) {}
