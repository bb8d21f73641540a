package cn.edu.ntvu.standin.school;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who to try the demo as, on both sign-in screens (CAS and WeCom's authorize screen): one story
 * told by people who really hold their roles. A student; the counsellor (辅导员) of her class, whose
 * 待我审批 her request reaches; a teacher who holds no other role; the dean nearest her class; student
 * affairs; an admin. Each comes with every role they hold and its scope (辅导员 of 机械制造241班), so a
 * label never says less or more than the directory the app imported from the same files. Whoever
 * the school lacks is left out; a role nobody fits as the story wants falls back to its first
 * holder not already shown. "First" is by account, as the directory sorts them.
 *
 * @param members the cast in the order of the story
 * @param className the student's class, as the 收集表 audience asks for it (null without a student in
 *     a class)
 */
public record Cast(
    List<Member> members,
    Optional<Member> student,
    Optional<Member> counsellor,
    Optional<Member> teacher,
    String className,
    String classCode) {

  /** A role a member holds, with the class or department it covers (null: the whole school). */
  public record HeldRole(School.Role role, String scope) {}

  /**
   * A person to sign in as, the role they are shown for, and every role they hold (that one first).
   */
  public record Member(School.Role shownAs, String account, String name, List<HeldRole> roles) {}

  /**
   * Whether the three "try this" steps can be told: a student in a class, her counsellor and a
   * teacher.
   */
  public boolean tellsTheStory() {
    return student.isPresent()
        && counsellor.isPresent()
        && teacher.isPresent()
        && classCode != null;
  }

  public static Cast of(School school) {
    List<School.Person> byAccount =
        school.people().values().stream()
            .sorted(Comparator.comparing(School.Person::account))
            .toList();
    Map<School.Role, School.Person> chosen = new EnumMap<>(School.Role.class);
    Optional<School.Person> student =
        byAccount.stream()
            .filter(
                p ->
                    p.student()
                        && p.classCode() != null
                        && school.classes().containsKey(p.classCode()))
            .findFirst();
    School.SchoolClass schoolClass =
        student.map(p -> school.classes().get(p.classCode())).orElse(null);
    student.ifPresent(p -> chosen.put(School.Role.STUDENT, p));
    if (schoolClass != null) {
      school
          .person(schoolClass.counsellorAccount())
          .ifPresent(p -> chosen.put(School.Role.COUNSELLOR, p));
      // The dean nearest to her class: its department, else the department above, and so on.
      Set<String> seenDepartments = new HashSet<>();
      for (String d = schoolClass.deptCode();
          d != null && seenDepartments.add(d) && !chosen.containsKey(School.Role.DEAN);
          d =
              school.departments().containsKey(d)
                  ? school.departments().get(d).parentCode()
                  : null) {
        String dept = d;
        byAccount.stream()
            .filter(p -> p.roles().contains(School.Role.DEAN) && dept.equals(p.deptCode()))
            .findFirst()
            .ifPresent(p -> chosen.put(School.Role.DEAN, p));
      }
    }
    byAccount.stream()
        .filter(p -> p.roles().equals(Set.of(School.Role.TEACHER)))
        .findFirst()
        .ifPresent(p -> chosen.put(School.Role.TEACHER, p));
    Set<String> seen = new HashSet<>();
    chosen.values().forEach(p -> seen.add(p.account()));
    for (School.Role role : School.Role.values()) {
      if (!chosen.containsKey(role)) {
        byAccount.stream()
            .filter(p -> p.roles().contains(role) && !seen.contains(p.account()))
            .findFirst()
            .ifPresent(
                p -> {
                  chosen.put(role, p);
                  seen.add(p.account());
                });
      }
    }
    List<Member> members = new ArrayList<>();
    Map<School.Role, Member> byRole = new EnumMap<>(School.Role.class);
    for (School.Role role :
        List.of(
            School.Role.STUDENT,
            School.Role.COUNSELLOR,
            School.Role.TEACHER,
            School.Role.DEAN,
            School.Role.STUDENT_AFFAIRS,
            School.Role.ADMIN)) {
      School.Person p = chosen.get(role);
      if (p != null) {
        Member m = new Member(role, p.account(), p.name(), rolesOf(school, p, role));
        members.add(m);
        byRole.put(role, m);
      }
    }
    return new Cast(
        List.copyOf(members),
        Optional.ofNullable(byRole.get(School.Role.STUDENT)),
        Optional.ofNullable(byRole.get(School.Role.COUNSELLOR)),
        Optional.ofNullable(byRole.get(School.Role.TEACHER)),
        schoolClass == null ? null : schoolClass.name(),
        schoolClass == null ? null : schoolClass.code());
  }

  /** Every role of {@code p} with the class or department it covers; {@code shownAs} first. */
  private static List<HeldRole> rolesOf(School school, School.Person p, School.Role shownAs) {
    List<HeldRole> held = new ArrayList<>();
    for (School.Role role : p.roles()) {
      switch (role) {
        case COUNSELLOR ->
            school.counselledBy(p.account()).forEach(c -> held.add(new HeldRole(role, c.name())));
        case DEAN ->
            held.add(
                new HeldRole(
                    role,
                    p.deptCode() != null && school.departments().containsKey(p.deptCode())
                        ? school.departments().get(p.deptCode()).name()
                        : null));
        case STUDENT ->
            held.add(
                new HeldRole(
                    role,
                    p.classCode() != null && school.classes().containsKey(p.classCode())
                        ? school.classes().get(p.classCode()).name()
                        : null));
        default -> held.add(new HeldRole(role, null));
      }
    }
    held.sort(
        Comparator.comparing((HeldRole h) -> h.role() != shownAs)
            .thenComparing(HeldRole::role)
            .thenComparing(h -> h.scope() == null ? "" : h.scope()));
    return List.copyOf(held);
  }
}
