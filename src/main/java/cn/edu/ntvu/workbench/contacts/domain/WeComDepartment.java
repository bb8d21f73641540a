package cn.edu.ntvu.workbench.contacts.domain;

/**
 * A WeCom department as {@code department/simplelist} lists it ({@code id}, {@code parentid},
 * {@code order}) plus the name we send with {@code department/create|update} (docs/wecom-api.md
 * §6.1). The root department is id 1, parent 0.
 */
public record WeComDepartment(long id, String name, long parentId, long order) {
  public static final long ROOT = 1;
}
