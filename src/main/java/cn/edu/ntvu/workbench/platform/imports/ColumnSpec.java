package cn.edu.ntvu.workbench.platform.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns one kind of file has. Header cells are matched case-insensitively, and the Chinese
 * names that school systems and hand-made spreadsheets use (学号, 姓名, 手机号 …) are accepted as aliases.
 * A kind of file may bring its own aliases, which win over the directory's (in a timetable, 节次 is
 * the periods column).
 */
public record ColumnSpec(List<String> columns, Set<String> required, Map<String, String> aliases) {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("学号", "account"),
          Map.entry("工号", "account"),
          Map.entry("学工号", "account"),
          Map.entry("账号", "account"),
          Map.entry("帐号", "account"),
          Map.entry("用户名", "account"),
          Map.entry("userid", "account"),
          Map.entry("姓名", "name"),
          Map.entry("类型", "kind"),
          Map.entry("人员类型", "kind"),
          Map.entry("身份", "kind"),
          Map.entry("性别", "gender"),
          Map.entry("手机", "mobile"),
          Map.entry("手机号", "mobile"),
          Map.entry("手机号码", "mobile"),
          Map.entry("移动电话", "mobile"),
          Map.entry("邮箱", "email"),
          Map.entry("电子邮箱", "email"),
          Map.entry("电子邮件", "email"),
          Map.entry("院系代码", "dept_code"),
          Map.entry("部门代码", "dept_code"),
          Map.entry("学院代码", "dept_code"),
          Map.entry("单位代码", "dept_code"),
          Map.entry("院系名称", "dept_name"),
          Map.entry("部门名称", "dept_name"),
          Map.entry("单位名称", "dept_name"),
          Map.entry("上级代码", "parent_code"),
          Map.entry("上级部门代码", "parent_code"),
          Map.entry("上级院系代码", "parent_code"),
          Map.entry("班级代码", "class_code"),
          Map.entry("班号", "class_code"),
          Map.entry("班级名称", "class_name"),
          Map.entry("年级", "grade"),
          Map.entry("辅导员", "counsellor_account"),
          Map.entry("辅导员工号", "counsellor_account"),
          Map.entry("辅导员账号", "counsellor_account"),
          Map.entry("职务", "position"),
          Map.entry("职位", "position"),
          Map.entry("岗位", "position"),
          Map.entry("角色", "roles"));

  public ColumnSpec {
    columns = List.copyOf(columns);
    required = Set.copyOf(required);
    aliases = Map.copyOf(aliases);
  }

  public ColumnSpec(List<String> columns, Set<String> required) {
    this(columns, required, Map.of());
  }

  /**
   * The canonical name of a header cell: {@code " Mobile "} and {@code 手机号} both give {@code
   * mobile}.
   */
  public String canonical(String header) {
    String h = header == null ? "" : header.replace("\uFEFF", "").strip();
    String own = aliases.get(h);
    if (own != null) {
      return own;
    }
    String alias = ALIASES.get(h);
    if (alias != null) {
      return alias;
    }
    String lower = h.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return ALIASES.getOrDefault(lower, lower);
  }
}
