package cn.edu.ntvu.workbench.contacts.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The full reconcile's two UTF-8 CSV files for {@code batch/replaceparty} and {@code
 * batch/replaceuser} (docs/wecom-api.md §6.4), built from the same directory and department ids as
 * the incremental diff, conflicts left out; and WeCom's deletion safety stop, checked before
 * anything is sent.
 */
public final class ReplaceFiles {
  public static final String PARTY_HEADER = "部门名称,部门ID,父部门ID,排序";
  public static final String USER_HEADER = "姓名,帐号,手机号,所在部门,职位,启用";

  /**
   * The files, the members they hold (with the fingerprint to remember once WeCom took them) and
   * the ids by code.
   */
  public record Files(
      String partyCsv,
      String userCsv,
      Map<String, String> memberFingerprints,
      Map<String, Long> departmentIds,
      Map<String, String> departmentFingerprints) {}

  /** What replaceuser would delete, and whether WeCom would stop the import for it. */
  public record Deletions(int deleting, int members, boolean stopped) {}

  private ReplaceFiles() {}

  /**
   * @param plan the incremental plan of the same moment: its creates and updates say what WeCom
   *     must hold, its conflicts who is left out
   */
  public static Files build(
      Collection<DirectoryDepartment> departments,
      Collection<DirectoryMember> members,
      ContactsDiff.Memory memory,
      ContactsPlan plan) {
    Map<String, Long> ids = new LinkedHashMap<>(memory.departmentIds());
    ids.putAll(plan.newDepartmentIds());
    Set<String> blocked = plan.conflicts().stream().map(Conflict::key).collect(Collectors.toSet());
    StringBuilder party = new StringBuilder(PARTY_HEADER).append('\n');
    Map<String, String> departmentPrints = new LinkedHashMap<>();
    for (DirectoryDepartment d : departments) {
      if (blocked.contains(d.code())) {
        continue;
      }
      long id = d.parentCode() == null ? WeComDepartment.ROOT : ids.getOrDefault(d.code(), -1L);
      Long parent = d.parentCode() == null ? Long.valueOf(0) : ids.get(d.parentCode());
      if (id < 1 || parent == null) {
        continue;
      }
      ids.put(d.code(), id);
      party.append(cell(d.name())).append(',').append(id).append(',').append(parent).append(",0\n");
      departmentPrints.put(
          d.code(), ContactsDiff.fingerprint(new WeComDepartment(id, d.name(), parent, 0)));
    }
    StringBuilder users = new StringBuilder(USER_HEADER).append('\n');
    Map<String, String> prints = new LinkedHashMap<>();
    for (DirectoryMember m : members) {
      if (blocked.contains(m.account()) || m.state() == DirectoryMember.State.LEFT) {
        continue;
      }
      Long department = ids.get(m.departmentCode());
      if (department == null) {
        continue;
      }
      WeComMember member =
          new WeComMember(
              m.account(),
              m.name().strip(),
              MobileNumbers.normalise(m.mobile()),
              List.of(department),
              m.position(),
              m.state() == DirectoryMember.State.ACTIVE);
      users
          .append(cell(member.name()))
          .append(',')
          .append(member.userid())
          .append(',')
          .append(Objects.toString(member.mobile(), ""))
          .append(',')
          .append(department)
          .append(',')
          .append(cell(member.position()))
          .append(',')
          .append(member.enabled() ? 1 : 0)
          .append('\n');
      prints.put(member.userid(), ContactsDiff.fingerprint(member));
    }
    return new Files(party.toString(), users.toString(), prints, ids, departmentPrints);
  }

  /**
   * WeCom's safety stop for replaceuser (§6.4): more than 50 deletions that are over 20 % of the
   * members, or fewer than 50 that are over 80 %.
   */
  public static Deletions deletions(Collection<String> inWeCom, Collection<String> inFile) {
    Set<String> file = new HashSet<>();
    inFile.forEach(u -> file.add(u.toLowerCase(Locale.ROOT)));
    List<String> deleting = new ArrayList<>();
    for (String u : inWeCom) {
      if (!file.contains(u.toLowerCase(Locale.ROOT))) {
        deleting.add(u);
      }
    }
    int n = deleting.size();
    int members = inWeCom.size();
    boolean stopped = (n > 50 && n * 5 > members) || (n < 50 && n * 5 > members * 4);
    return new Deletions(n, members, stopped);
  }

  /**
   * A CSV cell without the characters that would break a line (names never hold them; a guard, not
   * a parser).
   */
  private static String cell(String s) {
    return s == null ? "" : s.replaceAll("[,\\r\\n\"]", " ").strip();
  }
}
