package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.ClassEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.DepartmentEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.PersonEntry;
import cn.edu.ntvu.workbench.identity.application.PlannedChange.Change;
import java.util.List;

/**
 * The outcome of checking a file against the directory: one planned change per valid line (only the
 * list of the file's kind is filled) and every problem found. A plan with errors must not be
 * applied at all.
 */
public record ImportPlan(
    ImportKind kind,
    List<PlannedChange<DepartmentEntry>> departments,
    List<PlannedChange<ClassEntry>> classes,
    List<PlannedChange<PersonEntry>> people,
    List<ImportProblem> problems) {

  public ImportPlan {
    departments = List.copyOf(departments);
    classes = List.copyOf(classes);
    people = List.copyOf(people);
    problems = List.copyOf(problems);
  }

  /** A plan for a file that could not be read at all. */
  public static ImportPlan unreadable(ImportKind kind, ImportProblem problem) {
    return new ImportPlan(kind, List.of(), List.of(), List.of(), List.of(problem));
  }

  public List<ImportProblem> errors() {
    return problems.stream().filter(ImportProblem::isError).toList();
  }

  public List<ImportProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(ImportProblem::isError);
  }

  public int count(Change change) {
    return (int)
        (departments.stream().filter(c -> c.change() == change).count()
            + classes.stream().filter(c -> c.change() == change).count()
            + people.stream().filter(c -> c.change() == change).count());
  }
}
