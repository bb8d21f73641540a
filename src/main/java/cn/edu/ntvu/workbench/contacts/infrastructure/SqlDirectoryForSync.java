package cn.edu.ntvu.workbench.contacts.infrastructure;

import cn.edu.ntvu.workbench.contacts.application.ContactsSettings;
import cn.edu.ntvu.workbench.contacts.application.DirectoryForSync;
import cn.edu.ntvu.workbench.contacts.domain.DirectoryDepartment;
import cn.edu.ntvu.workbench.contacts.domain.DirectoryMember;
import cn.edu.ntvu.workbench.contacts.domain.MobileNumbers;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the directory as the sync needs it, in three queries (20,000 people read in well under a
 * second): 院系 by code, classes as {@code class:<code>} under their 院系 when classes are synced as
 * sub-departments, and people with the department they belong to in WeCom (their class, else their
 * 院系).
 */
@ApplicationScoped
public class SqlDirectoryForSync implements DirectoryForSync {
  public static final String CLASS_PREFIX = "class:";

  @Inject Sql sql;

  @Inject ContactsSettings settings;

  public Snapshot read() {
    List<DirectoryDepartment> departments = new ArrayList<>();
    List<DirectoryMember> members = new ArrayList<>();
    Map<String, String> details = new HashMap<>();
    boolean classes = settings.classesAsDepartments();
    Map<String, String> names = new HashMap<>();
    sql.onOneConnection(
        tx -> {
          tx.query(
              "SELECT d.code, d.name, p.code FROM department d LEFT JOIN department p ON p.id = d.parent_id",
              rs -> {
                departments.add(
                    new DirectoryDepartment(rs.getString(1), rs.getString(2), rs.getString(3)));
                return names.put(rs.getString(1), rs.getString(2));
              });
          if (classes) {
            tx.query(
                "SELECT c.code, c.name, d.code FROM school_class c JOIN department d ON d.id = c.department_id",
                rs -> {
                  departments.add(
                      new DirectoryDepartment(
                          CLASS_PREFIX + rs.getString(1), rs.getString(2), rs.getString(3)));
                  return names.put(CLASS_PREFIX + rs.getString(1), rs.getString(2));
                });
          }
          return tx.query(
              "SELECT p.account, p.name, p.mobile, d.code, sc.code, p.position, p.status FROM person p"
                  + " LEFT JOIN department d ON d.id = p.department_id"
                  + " LEFT JOIN school_class sc ON sc.id = p.class_id",
              rs -> {
                String department = rs.getString(4);
                String schoolClass = rs.getString(5);
                String place =
                    classes && schoolClass != null ? CLASS_PREFIX + schoolClass : department;
                members.add(
                    new DirectoryMember(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        place,
                        rs.getString(6),
                        DirectoryMember.State.valueOf(rs.getString(7))));
                return details.put(
                    rs.getString(1),
                    MobileNumbers.mask(rs.getString(3))
                        + " · "
                        + (place == null ? "—" : names.getOrDefault(place, place)));
              });
        });
    return new Snapshot(departments, members, details);
  }
}
