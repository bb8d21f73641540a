package cn.edu.ntvu.workbench.contacts.domain;

import cn.edu.ntvu.workbench.contacts.domain.Change.Action;
import cn.edu.ntvu.workbench.contacts.domain.Conflict.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The directory against what WeCom has: which departments and members to create, update, disable or
 * delete, and which people or departments cannot be sent (conflicts). Pure: no database, no HTTP.
 *
 * <p>WeCom's {@code user/list_id} and {@code department/simplelist} give only ids, parents and
 * departments (§6.3), so a field change (name, mobile, position) is found by comparing with the
 * fingerprint of what we last pushed ({@link Memory}); a move, or a member or department someone
 * changed in WeCom's own console, by comparing departments and parents. Department ids are ours to
 * choose: the root is 1, the others keep the id remembered for their code, and new ones get the
 * next free id.
 */
public final class ContactsDiff {
  static final int MAX_NAME = 64;
  private static final Pattern USERID = Pattern.compile("[0-9a-zA-Z][0-9a-zA-Z_\\-@.]{0,63}");

  /** What WeCom has now: each department's parent, each member's departments. */
  public record WeComState(
      Map<Long, Long> departmentParents, Map<String, List<Long>> memberDepartments) {}

  /**
   * What we remember having pushed: department ids by code, fingerprints of departments and
   * members.
   */
  public record Memory(
      Map<String, Long> departmentIds,
      Map<String, String> departmentFingerprints,
      Map<String, String> memberFingerprints,
      Map<String, WeComMember> pushedMembers) {
    public Memory(
        Map<String, Long> departmentIds,
        Map<String, String> departmentFingerprints,
        Map<String, String> memberFingerprints) {
      this(departmentIds, departmentFingerprints, memberFingerprints, Map.of());
    }

    public static Memory empty() {
      return new Memory(Map.of(), Map.of(), Map.of(), Map.of());
    }
  }

  private ContactsDiff() {}

  public static ContactsPlan plan(
      Collection<DirectoryDepartment> departments,
      Collection<DirectoryMember> members,
      WeComState wecom,
      Memory memory) {
    List<Conflict> conflicts = new ArrayList<>();
    Map<String, DirectoryDepartment> byCode = new LinkedHashMap<>();
    for (DirectoryDepartment d : departments) {
      byCode.putIfAbsent(d.code(), d);
    }
    Set<String> unusable = unusableDepartments(byCode, conflicts);
    Map<String, Long> ids = assignIds(byCode, unusable, wecom, memory);
    Map<String, Long> newIds = new TreeMap<>();
    ids.forEach(
        (code, id) -> {
          if (!memory.departmentIds().containsKey(code) && id != WeComDepartment.ROOT) {
            newIds.put(code, id);
          }
        });

    List<Change> creates = new ArrayList<>();
    List<Change> memberChanges = new ArrayList<>();
    List<Change> departmentDeletes = new ArrayList<>();

    for (DirectoryDepartment d : topDown(byCode, unusable)) {
      long id = ids.get(d.code());
      if (id == WeComDepartment.ROOT) {
        continue;
      }
      long parent = d.parentCode() == null ? WeComDepartment.ROOT : ids.get(d.parentCode());
      WeComDepartment target = new WeComDepartment(id, d.name(), parent, 0);
      String fingerprint = fingerprint(d.name(), String.valueOf(parent));
      Long wecomParent = wecom.departmentParents().get(id);
      if (wecomParent == null) {
        creates.add(
            new Change(
                Target.DEPARTMENT,
                Action.CREATE,
                d.code(),
                d.name(),
                target,
                null,
                fingerprint,
                List.of()));
      } else {
        List<String> changed = new ArrayList<>();
        if (wecomParent != parent) {
          changed.add("parent");
        }
        if (!fingerprint.equals(memory.departmentFingerprints().get(d.code()))
            && changed.isEmpty()) {
          changed.add("name");
        }
        if (!changed.isEmpty()) {
          creates.add(
              new Change(
                  Target.DEPARTMENT,
                  Action.UPDATE,
                  d.code(),
                  d.name(),
                  target,
                  null,
                  fingerprint,
                  changed));
        }
      }
    }

    Set<String> blocked = memberConflicts(members, byCode, unusable, conflicts);
    Set<String> inDirectory = new HashSet<>();
    for (DirectoryMember m : members) {
      inDirectory.add(m.account().toLowerCase(Locale.ROOT));
      if (blocked.contains(m.account())) {
        continue;
      }
      List<Long> present = wecom.memberDepartments().get(m.account());
      if (m.state() == DirectoryMember.State.LEFT) {
        if (present != null) {
          memberChanges.add(
              new Change(
                  Target.MEMBER,
                  Action.DELETE,
                  m.account(),
                  m.name(),
                  null,
                  null,
                  null,
                  List.of()));
        }
        continue;
      }
      boolean enabled = m.state() == DirectoryMember.State.ACTIVE;
      WeComMember target =
          new WeComMember(
              m.account(),
              m.name().strip(),
              MobileNumbers.normalise(m.mobile()),
              List.of(ids.get(m.departmentCode())),
              m.position(),
              enabled);
      String fingerprint = fingerprint(target);
      if (present == null) {
        if (enabled) {
          memberChanges.add(
              new Change(
                  Target.MEMBER,
                  Action.CREATE,
                  m.account(),
                  m.name(),
                  null,
                  target,
                  fingerprint,
                  List.of()));
        }
        continue;
      }
      String pushed = memory.memberFingerprints().get(m.account());
      List<String> changed = new ArrayList<>();
      if (!new HashSet<>(present).equals(Set.copyOf(target.departments()))) {
        changed.add("department");
      }
      if (!fingerprint.equals(pushed)) {
        WeComMember before = memory.pushedMembers().get(m.account());
        if (before != null) {
          changed.addAll(changedFields(before, target));
        }
        if (changed.isEmpty()) {
          changed.add(pushed == null ? "unknown" : enabled ? "fields" : "enable");
        }
      }
      if (!changed.isEmpty()) {
        memberChanges.add(
            new Change(
                Target.MEMBER,
                enabled ? Action.UPDATE : Action.DISABLE,
                m.account(),
                m.name(),
                null,
                target,
                fingerprint,
                changed));
      }
    }
    new TreeMap<>(wecom.memberDepartments())
        .keySet().stream()
            .filter(userid -> !inDirectory.contains(userid.toLowerCase(Locale.ROOT)))
            .forEach(
                userid ->
                    memberChanges.add(
                        new Change(
                            Target.MEMBER,
                            Action.DELETE,
                            userid,
                            userid,
                            null,
                            null,
                            null,
                            List.of())));

    Set<Long> wanted = new HashSet<>(ids.values());
    Set<Long> keepForConflicts = new HashSet<>();
    for (String code : unusable) {
      Long id = memory.departmentIds().get(code);
      if (id != null) {
        keepForConflicts.add(id);
      }
    }
    Map<Long, String> codeOfId = new HashMap<>();
    memory.departmentIds().forEach((code, id) -> codeOfId.put(id, code));
    wecom.departmentParents().keySet().stream()
        .filter(
            id ->
                id != WeComDepartment.ROOT
                    && !wanted.contains(id)
                    && !keepForConflicts.contains(id))
        .sorted(
            Comparator.comparingInt((Long id) -> depth(id, wecom.departmentParents()))
                .reversed()
                .thenComparing(Comparator.naturalOrder()))
        .forEach(
            id -> {
              String code = codeOfId.getOrDefault(id, "#" + id);
              departmentDeletes.add(
                  new Change(
                      Target.DEPARTMENT,
                      Action.DELETE,
                      code,
                      code,
                      new WeComDepartment(id, "", wecom.departmentParents().get(id), 0),
                      null,
                      null,
                      List.of()));
            });

    List<Change> all = new ArrayList<>(creates);
    all.addAll(memberChanges);
    all.addAll(departmentDeletes);
    return new ContactsPlan(all, conflicts, newIds);
  }

  /**
   * Which of the fields we send differ ({@code name}, {@code mobile}, {@code position}, {@code
   * enable}).
   */
  static List<String> changedFields(WeComMember before, WeComMember after) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(before.name(), after.name())) {
      changed.add("name");
    }
    if (!Objects.equals(
        Objects.toString(before.mobile(), ""), Objects.toString(after.mobile(), ""))) {
      changed.add("mobile");
    }
    if (!Objects.equals(before.position(), after.position())) {
      changed.add("position");
    }
    if (before.enabled() != after.enabled()) {
      changed.add("enable");
    }
    return changed;
  }

  /** The fingerprint of what we send for a member; the sync remembers it once WeCom accepted it. */
  public static String fingerprint(WeComMember m) {
    return fingerprint(
        m.name(),
        Objects.toString(m.mobile(), ""),
        m.departments().toString(),
        m.position(),
        String.valueOf(m.enabled()));
  }

  public static String fingerprint(WeComDepartment d) {
    return fingerprint(d.name(), String.valueOf(d.parentId()));
  }

  /** Whether WeCom would accept this account as a userid (§6.2). */
  public static boolean isValidUserid(String account) {
    return account != null
        && USERID.matcher(account).matches()
        && account.getBytes(StandardCharsets.UTF_8).length <= 64;
  }

  private static Set<String> unusableDepartments(
      Map<String, DirectoryDepartment> byCode, List<Conflict> conflicts) {
    Set<String> unusable = new HashSet<>();
    for (DirectoryDepartment d : byCode.values()) {
      Set<String> seen = new HashSet<>();
      String at = d.code();
      while (at != null) {
        if (!seen.add(at)) {
          unusable.add(d.code());
          conflicts.add(
              new Conflict(Target.DEPARTMENT, d.code(), d.name(), Kind.DEPARTMENT_CYCLE, at));
          break;
        }
        DirectoryDepartment current = byCode.get(at);
        if (current == null) {
          unusable.add(d.code());
          conflicts.add(
              new Conflict(
                  Target.DEPARTMENT, d.code(), d.name(), Kind.DEPARTMENT_PARENT_MISSING, at));
          break;
        }
        at = current.parentCode();
      }
    }
    return unusable;
  }

  private static Map<String, Long> assignIds(
      Map<String, DirectoryDepartment> byCode,
      Set<String> unusable,
      WeComState wecom,
      Memory memory) {
    long next = WeComDepartment.ROOT;
    for (long id : memory.departmentIds().values()) {
      next = Math.max(next, id);
    }
    for (long id : wecom.departmentParents().keySet()) {
      next = Math.max(next, id);
    }
    Map<String, Long> ids = new HashMap<>();
    for (DirectoryDepartment d : topDown(byCode, unusable)) {
      if (d.parentCode() == null) {
        ids.put(d.code(), WeComDepartment.ROOT);
      } else {
        Long known = memory.departmentIds().get(d.code());
        ids.put(d.code(), known != null ? known : ++next);
      }
    }
    return ids;
  }

  /** Usable departments, parents before children, siblings by code. */
  private static List<DirectoryDepartment> topDown(
      Map<String, DirectoryDepartment> byCode, Set<String> unusable) {
    Map<String, List<DirectoryDepartment>> children = new TreeMap<>();
    List<DirectoryDepartment> roots = new ArrayList<>();
    for (DirectoryDepartment d : byCode.values()) {
      if (unusable.contains(d.code())) {
        continue;
      }
      if (d.parentCode() == null) {
        roots.add(d);
      } else {
        children.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
      }
    }
    List<DirectoryDepartment> out = new ArrayList<>();
    roots.sort(Comparator.comparing(DirectoryDepartment::code));
    List<DirectoryDepartment> queue = new ArrayList<>(roots);
    for (int i = 0; i < queue.size(); i++) {
      DirectoryDepartment d = queue.get(i);
      out.add(d);
      List<DirectoryDepartment> kids = new ArrayList<>(children.getOrDefault(d.code(), List.of()));
      kids.sort(Comparator.comparing(DirectoryDepartment::code));
      queue.addAll(kids);
    }
    return out;
  }

  private static Set<String> memberConflicts(
      Collection<DirectoryMember> members,
      Map<String, DirectoryDepartment> byCode,
      Set<String> unusable,
      List<Conflict> conflicts) {
    Set<String> blocked = new HashSet<>();
    Map<String, List<DirectoryMember>> byMobile = new HashMap<>();
    Map<String, List<DirectoryMember>> byLowerAccount = new HashMap<>();
    for (DirectoryMember m : members) {
      if (m.state() == DirectoryMember.State.LEFT) {
        continue;
      }
      byLowerAccount
          .computeIfAbsent(m.account().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(m);
      String mobile = MobileNumbers.normalise(m.mobile());
      if (!isValidUserid(m.account())) {
        add(conflicts, blocked, m, Kind.INVALID_USERID, m.account());
      }
      String name = m.name() == null ? "" : m.name().strip();
      int length = name.codePointCount(0, name.length());
      if (length == 0 || length > MAX_NAME) {
        add(conflicts, blocked, m, Kind.INVALID_NAME, String.valueOf(length));
      }
      if (mobile == null) {
        add(conflicts, blocked, m, Kind.MISSING_MOBILE, "");
      } else if (!MobileNumbers.isValid(mobile)) {
        add(conflicts, blocked, m, Kind.INVALID_MOBILE, MobileNumbers.mask(mobile));
      } else {
        byMobile.computeIfAbsent(mobile, k -> new ArrayList<>()).add(m);
      }
      if (m.departmentCode() == null || m.departmentCode().isBlank()) {
        add(conflicts, blocked, m, Kind.NO_DEPARTMENT, "");
      } else if (!byCode.containsKey(m.departmentCode()) || unusable.contains(m.departmentCode())) {
        add(conflicts, blocked, m, Kind.DEPARTMENT_UNUSABLE, m.departmentCode());
      }
    }
    for (List<DirectoryMember> same : byMobile.values()) {
      if (same.size() > 1) {
        for (DirectoryMember m : same) {
          String others =
              same.stream()
                  .filter(o -> o != m)
                  .map(DirectoryMember::account)
                  .sorted()
                  .reduce((a, b) -> a + "," + b)
                  .orElse("");
          add(
              conflicts,
              blocked,
              m,
              Kind.DUPLICATE_MOBILE,
              MobileNumbers.mask(m.mobile()) + " · " + others);
        }
      }
    }
    for (List<DirectoryMember> same : byLowerAccount.values()) {
      if (same.size() > 1) {
        for (DirectoryMember m : same) {
          add(conflicts, blocked, m, Kind.DUPLICATE_USERID, m.account().toLowerCase(Locale.ROOT));
        }
      }
    }
    return blocked;
  }

  private static void add(
      List<Conflict> conflicts, Set<String> blocked, DirectoryMember m, Kind kind, String d) {
    blocked.add(m.account());
    conflicts.add(new Conflict(Target.MEMBER, m.account(), m.name(), kind, d));
  }

  private static int depth(long id, Map<Long, Long> parents) {
    int depth = 0;
    Long at = parents.get(id);
    while (at != null && at != 0 && depth < 1000) {
      depth++;
      at = parents.get(at);
    }
    return depth;
  }

  private static String fingerprint(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update(Objects.toString(p, "").getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x1f);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
