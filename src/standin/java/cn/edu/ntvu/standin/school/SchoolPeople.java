package cn.edu.ntvu.standin.school;

import cn.edu.ntvu.standin.StandInSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reads the school from the seed folder once, at first use (the files do not change while the
 * servers run). Without a seed folder, or without its people.csv, the school is empty: the sign-in
 * screens then only offer typing an account, and WeCom's members are only those the contacts sync
 * created.
 */
@ApplicationScoped
public class SchoolPeople {
  private static final Logger LOG = Logger.getLogger(SchoolPeople.class.getName());

  @Inject StandInSettings settings;

  private School school;

  public synchronized School school() {
    if (school == null) {
      school = settings.seedDir().map(SchoolPeople::read).orElseGet(School::empty);
      LOG.info(() -> "The stand-in knows " + school.people().size() + " people of the school");
    }
    return school;
  }

  /** The school of a seed folder; a missing file counts as empty. */
  public static School read(Path folder) {
    Map<String, School.Department> departments = new LinkedHashMap<>();
    for (Map<String, String> r : rows(folder.resolve("departments.csv"))) {
      departments.put(
          r.get("dept_code"),
          new School.Department(
              r.get("dept_code"), r.get("dept_name"), blankToNull(r.get("parent_code"))));
    }
    Map<String, School.SchoolClass> classes = new LinkedHashMap<>();
    for (Map<String, String> r : rows(folder.resolve("classes.csv"))) {
      classes.put(
          r.get("class_code"),
          new School.SchoolClass(
              r.get("class_code"),
              r.get("class_name"),
              r.get("dept_code"),
              blankToNull(r.get("counsellor_account"))));
    }
    Map<String, School.Person> people = new LinkedHashMap<>();
    for (Map<String, String> r : rows(folder.resolve("people.csv"))) {
      String account = r.get("account");
      if (account == null || account.isBlank()) {
        continue;
      }
      Set<School.Role> roles = School.parseRoles(r.get("roles"));
      // As the app's import: the counsellor role is a grant per class that names the person, and
      // nothing without one.
      boolean counsels =
          classes.values().stream().anyMatch(c -> account.equals(c.counsellorAccount()));
      roles.remove(School.Role.COUNSELLOR);
      if (counsels) {
        roles.add(School.Role.COUNSELLOR);
      }
      boolean student = "student".equalsIgnoreCase(r.getOrDefault("kind", ""));
      people.put(
          account.toLowerCase(Locale.ROOT),
          new School.Person(
              account,
              r.get("name"),
              student,
              blankToNull(r.get("dept_code")),
              blankToNull(r.get("class_code")),
              roles.isEmpty() ? EnumSet.noneOf(School.Role.class) : EnumSet.copyOf(roles)));
    }
    return new School(departments, classes, people);
  }

  private static List<Map<String, String>> rows(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Csv.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.warning(() -> "The stand-in could not read " + file + ": " + e.getMessage());
      return List.of();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
