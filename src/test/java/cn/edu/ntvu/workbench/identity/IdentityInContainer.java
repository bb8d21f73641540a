package cn.edu.ntvu.workbench.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.identity.application.ImportKind;
import cn.edu.ntvu.workbench.identity.application.ImportPreview;
import cn.edu.ntvu.workbench.identity.application.ImportResult;
import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.platform.persistence.InContainerBase;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The directory in the container: fresh authority after an import, the demo directory, GBK and
 * bad-line imports, the classes counsellors and deans look after.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class IdentityInContainer extends InContainerBase {
  @Test
  void anImportedGrantIsSeenAtOnce() {
    SignedInUser teacher = person("10004");
    String line = "10004,刘敏秀,staff,1,15876769863,t10004@ntvu.example,01,,教师,";
    assertThat(isAdminNow(teacher)).isFalse();
    importPeople(line + "teacher;admin");
    try {
      assertThat(isAdminNow(teacher)).isTrue();
    } finally {
      importPeople(line + "teacher");
    }
    assertThat(isAdminNow(teacher)).isFalse();
  }

  /**
   * The third layer: an admin service refuses a student, a teacher and nobody at all before it
   * reads or writes anything — so a page that forgot its route line and its bean check still
   * changes nothing — and serves an admin.
   */
  @Test
  void theDemoDirectoryIsLoadedWithScopedRoles() {
    assertThat(directory.countPeople()).isGreaterThan(1000);
    SignInService.Outcome admin = signIn.resolve("10857", SignInPath.DEV);
    assertThat(admin).isInstanceOf(SignInService.Outcome.SignedIn.class);
    assertThat(((SignInService.Outcome.SignedIn) admin).user().roles()).contains(Role.ADMIN);
    assertThat(signIn.resolve("ghost01", SignInPath.CAS))
        .isInstanceOf(SignInService.Outcome.NotInDirectory.class);
  }

  @Test
  void aGbkPeopleFileIsPreviewedThenAppliedOnceAndReimportChangesNothing() {
    String csv =
        "account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
            + "T900001,测试教师甲,staff,1,13912340001,,01,,教师,teacher\n"
            + "T900002,测试教师乙,staff,2,13912340002,,01,,教师,teacher;counsellor\n";
    byte[] gbk = csv.getBytes(Charset.forName("GBK"));

    ImportPreview preview = imports.preview(ImportKind.PEOPLE, "people.csv", gbk, "10857");
    assertThat(preview.errors()).isEmpty();
    assertThat(preview.creates()).isEqualTo(2);
    ImportResult applied = imports.apply(preview.batchId(), "10857");
    assertThat(applied.applied()).isTrue();
    assertThat(directory.findByAccount("T900002"))
        .get()
        .extracting(p -> p.getName())
        .isEqualTo("测试教师乙");

    ImportResult twice = imports.apply(preview.batchId(), "10857");
    assertThat(twice.applied()).isFalse();

    ImportPreview again = imports.preview(ImportKind.PEOPLE, "people.csv", gbk, "10857");
    assertThat(again.creates()).isZero();
    assertThat(again.updates()).isZero();
    assertThat(again.unchanged()).isEqualTo(2);
  }

  @Test
  void aFileWithOneBadLineImportsNothing() {
    String csv =
        "account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
            + "T900101,好人,staff,1,13912341001,,01,,教师,teacher\n"
            + "T900101,重复的人,staff,1,13912341002,,01,,教师,teacher\n"
            + "T900103,坏手机,staff,1,12345,,01,,教师,teacher\n";
    ImportPreview preview =
        imports.preview(
            ImportKind.PEOPLE,
            "bad.csv",
            csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "10857");
    assertThat(preview.canApply()).isFalse();
    // The duplicate is reported on its second line, naming the first.
    assertThat(preview.errors()).extracting(p -> p.line()).contains(3, 4);
    assertThat(preview.errors())
        .filteredOn(p -> p.line() == 3)
        .flatExtracting(p -> p.args())
        .contains("2");
    if (preview.batchId() != null) {
      assertThat(imports.apply(preview.batchId(), "10857").applied()).isFalse();
    }
    assertThat(directory.findByAccount("T900101")).isEmpty();
  }

  @Test
  void counsellorsAndDeansLookAfterTheirClasses() {
    long counsellor = directory.findByAccount("10001").orElseThrow().getId();
    long dean = directory.findByAccount("10065").orElseThrow().getId();
    long student = directory.findByAccount("20240100001").orElseThrow().getId();
    assertThat(directory.classesInCareOf(counsellor))
        .containsExactly(new ClassRef("2401000", "机械制造241班"));
    assertThat(directory.classesInCareOf(dean))
        .extracting(ClassRef::code)
        .containsExactly("2401000", "2501001", "2601002");
    assertThat(directory.classesInCareOf(student)).isEmpty();
    assertThat(directory.classNames(List.of("2401000", "9999999")))
        .containsExactly(Map.entry("2401000", "机械制造241班"));
    SignInService.Outcome signedIn = signIn.resolve("20240100001", SignInPath.DEV);
    assertThat(((SignInService.Outcome.SignedIn) signedIn).user().classCode()).isEqualTo("2401000");
  }
}
