package cn.edu.ntvu.workbench.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.ClassEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.DepartmentEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.PersonEntry;
import cn.edu.ntvu.workbench.identity.application.PlannedChange.Change;
import cn.edu.ntvu.workbench.platform.imports.TabularFile;
import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans the shared benchmark data set (15,000 students) in import order, as an admin would at term
 * start.
 */
class GeneratedSchoolImportPlannerTest {
  private static final Path GENERATOR = Path.of("/work/shared/data/generate.py");

  @TempDir Path dir;

  @Test
  void plansTheFullSchoolWithoutErrorsAndReimportIsUnchanged() throws Exception {
    assumeTrue(Files.isRegularFile(GENERATOR), "benchmark data generator not available");
    Process python =
        new ProcessBuilder("python3", GENERATOR.toString(), dir.toString())
            .redirectErrorStream(true)
            .start();
    python.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assumeTrue(python.waitFor(60, TimeUnit.SECONDS) && python.exitValue() == 0, "python3 failed");

    ImportPlanner planner = new ImportPlanner();
    TabularFileReader reader = new TabularFileReader();

    ImportPlan departments =
        planner.plan(
            ImportKind.DEPARTMENTS,
            read(reader, "departments.csv", ImportKind.DEPARTMENTS),
            DirectorySnapshot.EMPTY);
    assertThat(departments.errors()).isEmpty();
    DirectorySnapshot afterDepartments =
        new DirectorySnapshot(
            entries(departments.departments(), DepartmentEntry::code), Map.of(), Map.of());

    ImportPlan classes =
        planner.plan(
            ImportKind.CLASSES, read(reader, "classes.csv", ImportKind.CLASSES), afterDepartments);
    assertThat(classes.errors()).isEmpty();
    DirectorySnapshot afterClasses =
        new DirectorySnapshot(
            afterDepartments.departments(), entries(classes.classes(), ClassEntry::code), Map.of());

    long start = System.nanoTime();
    TabularFile peopleFile = read(reader, "people.csv", ImportKind.PEOPLE);
    ImportPlan people = planner.plan(ImportKind.PEOPLE, peopleFile, afterClasses);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(people.errors()).isEmpty();
    assertThat(people.count(Change.CREATE)).isGreaterThan(15_000);
    // How fast: bench/foundation.sh and bench/timetable.sh (a timed unit test fails on a busy
    // machine).
    System.out.printf("read and planned %d people in %d ms%n", people.count(Change.CREATE), millis);

    DirectorySnapshot full =
        new DirectorySnapshot(
            afterClasses.departments(),
            afterClasses.classes(),
            entries(people.people(), PersonEntry::account));
    ImportPlan again = planner.plan(ImportKind.PEOPLE, peopleFile, full);
    assertThat(again.errors()).isEmpty();
    assertThat(again.count(Change.UNCHANGED)).isEqualTo(people.count(Change.CREATE));

    byte[] gbk =
        Files.readString(dir.resolve("people.csv"))
            .getBytes(java.nio.charset.Charset.forName("GBK"));
    TabularFile asExcelSavesIt = reader.read("people.csv", gbk, ImportKind.PEOPLE.columns());
    assertThat(asExcelSavesIt.encoding()).isEqualTo("GB18030");
    assertThat(asExcelSavesIt.rows()).isEqualTo(peopleFile.rows());
  }

  private TabularFile read(TabularFileReader reader, String name, ImportKind kind)
      throws Exception {
    return reader.read(name, Files.readAllBytes(dir.resolve(name)), kind.columns());
  }

  private static <T> Map<String, T> entries(
      java.util.List<PlannedChange<T>> changes, Function<T, String> key) {
    return changes.stream().map(PlannedChange::entry).collect(Collectors.toMap(key, e -> e));
  }
}
