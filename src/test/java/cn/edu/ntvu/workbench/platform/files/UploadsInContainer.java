package cn.edu.ntvu.workbench.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.forms.FormsInContainer;
import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Uploads in the container: stored only with an accepted submit, staged ones cleaned up once, the
 * daily quota.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class UploadsInContainer extends FormsInContainer {
  // --- uploads (issue 14): stored only with an accepted submit, staged ones cleaned up once, the
  // daily quota ---

  @Inject protected cn.edu.ntvu.workbench.platform.files.UploadCleanup uploadCleanup;
  @Inject protected cn.edu.ntvu.workbench.platform.files.UploadQuota uploadQuota;
  @Inject protected cn.edu.ntvu.workbench.portal.application.TileAdmin tileAdmin;

  protected static byte[] pngOf(int w, int h) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        out);
    return out.toByteArray();
  }

  /** Runs {@code sql} (an UPDATE or DELETE) on the in-container schema. */
  protected void execSql(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  @Test
  void
      formFilesAreStoredOnlyWithAnAcceptedSubmitKeptForTheNextTryWhenOthersAreRefusedAndNeverWhenAllIs()
          throws Exception {
    var owner = formsUser("10001");
    long id = formsDraft(true);
    var photoQuestion =
        new cn.edu.ntvu.workbench.forms.domain.Question(
            0,
            0,
            cn.edu.ntvu.workbench.forms.domain.QuestionType.FILE,
            "照片",
            "",
            true,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            true,
            1024);
    assertThat(formBuilder.saveQuestion(owner, id, photoQuestion)).isEmpty();
    var s = formBuilder.owned(owner, id).settings();
    assertThat(
            formBuilder.saveSettings(
                owner,
                id,
                new cn.edu.ntvu.workbench.forms.domain.FormSettings(
                    s.title(), s.description(), null, false, true, false)))
        .isEmpty();
    assertThat(formBuilder.publish(owner, id)).isEmpty();
    long height = formBuilder.questions(id).get(0).id();
    long photo = formBuilder.questions(id).get(1).id();
    var student = formsUser("20240100033");
    var file =
        List.of(
            new cn.edu.ntvu.workbench.forms.application.NewFile(
                photo, "照片.png", null, pngOf(60, 80)));

    // A lost token, a refusal of the whole post: nothing stored.
    var lost =
        formFilling.submit(student, id, Map.of(height, "170"), Map.of(), file, "expired", false);
    assertThat(lost.formProblem().key()).isEqualTo("forms.fill.error.expired");
    assertThat(leaveRows("select count(*) from form_file where form_id = ?", id)).isZero();

    // Refused for the other question: the photo is kept (staged) for the next try, and counted.
    var refused =
        formFilling.submit(
            student,
            id,
            Map.of(height, "999"),
            Map.of(),
            file,
            java.util.UUID.randomUUID().toString(),
            false);
    assertThat(refused.problems()).containsOnlyKeys(height);
    long staged = refused.stagedFiles().get(photo);
    assertThat(
            leaveRows(
                "select count(*) from form_file where id = ? and staged_at is not null", staged))
        .isEqualTo(1);
    // A bomb sent with it is refused beside its question and not kept.
    var bomb =
        List.of(
            new cn.edu.ntvu.workbench.forms.application.NewFile(
                photo,
                "炸弹.png",
                null,
                cn.edu.ntvu.workbench.platform.files.ImageBombs.png(30_000, 30_000, 1)));
    var bombed =
        formFilling.submit(
            student,
            id,
            Map.of(height, "170"),
            Map.of(),
            bomb,
            java.util.UUID.randomUUID().toString(),
            false);
    assertThat(bombed.problems().get(photo).key()).isEqualTo("forms.error.tooManyPixels");
    assertThat(leaveRows("select count(*) from form_file where form_id = ?", id)).isEqualTo(1);

    // The next try names the kept file: accepted, the file claimed (no time kept with it).
    var accepted =
        formFilling.submit(
            student,
            id,
            Map.of(height, "170", photo, String.valueOf(staged)),
            Map.of(),
            java.util.UUID.randomUUID().toString(),
            false);
    assertThat(accepted.refused()).isFalse();
    assertThat(
            leaveRows("select count(*) from form_file where id = ? and staged_at is null", staged))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select file_id from form_answer where response_id = ? and question_id = ?",
                accepted.responseId(),
                photo))
        .isEqualTo(staged);

    // Changing the answer with another photo: the replaced one goes.
    var changed =
        formFilling.submit(
            student,
            id,
            Map.of(height, "171"),
            Map.of(),
            List.of(
                new cn.edu.ntvu.workbench.forms.application.NewFile(
                    photo, "新照片.png", null, pngOf(61, 80))),
            java.util.UUID.randomUUID().toString(),
            true);
    assertThat(changed.refused()).isFalse();
    assertThat(leaveRows("select count(*) from form_file where id = ?", staged)).isZero();
    assertThat(leaveRows("select count(*) from form_file where form_id = ?", id)).isEqualTo(1);
    long files =
        leaveRows(
            "select files from upload_quota where account = ? and day = ?",
            student.account(),
            java.time.LocalDate.now(schoolClock));
    assertThat(files).isEqualTo(2);

    // Someone who gives up after a refused submit: the kept photo is removed by the cleanup job; a
    // fresh one stays.
    var quitter = formsUser("20240100034");
    long old =
        formFilling
            .submit(
                quitter,
                id,
                Map.of(height, "1"),
                Map.of(),
                file,
                java.util.UUID.randomUUID().toString(),
                false)
            .stagedFiles()
            .get(photo);
    var later = formsUser("20240100035");
    long fresh =
        formFilling
            .submit(
                later,
                id,
                Map.of(height, "1"),
                Map.of(),
                file,
                java.util.UUID.randomUUID().toString(),
                false)
            .stagedFiles()
            .get(photo);
    execSql("update form_file set staged_at = staged_at - interval 46 minute where id = ?", old);
    assertThat(formFilling.saveDraft(later, id, "{\"t\":{}}")).isTrue();

    // A closed form takes no file at all; its drafts can never become answers and go with the
    // cleanup.
    assertThat(formBuilder.close(owner, id)).isTrue();
    var closed =
        formFilling.submit(
            formsUser("20240100036"),
            id,
            Map.of(height, "170"),
            Map.of(),
            file,
            java.util.UUID.randomUUID().toString(),
            false);
    assertThat(closed.formProblem().key()).isEqualTo("forms.fill.error.closed");
    assertThat(leaveRows("select count(*) from form_file where form_id = ?", id)).isEqualTo(3);

    execSql("update platform_job set last_run_at = null where name = 'upload-cleanup'");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(() -> uploadCleanup.run(java.time.Duration.ofMinutes(9))));
      }
      int claimed = 0;
      for (Future<Integer> r : runs) {
        claimed += r.get() >= 0 ? 1 : 0;
      }
      // Three servers at once: one run (or none, if this server's own schedule took it a moment
      // before).
      assertThat(claimed).isLessThanOrEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(leaveRows("select count(*) from form_file where id = ?", old)).isZero();
    assertThat(leaveRows("select count(*) from form_file where id = ?", fresh)).isEqualTo(1);
    assertThat(leaveRows("select count(*) from form_draft where form_id = ?", id)).isZero();
    assertThat(
            leaveRows(
                "select count(*) from form_file f join form_answer a on a.file_id = f.id"
                    + " where f.form_id = ?",
                id))
        .isEqualTo(1);
  }

  @Test
  void anUploadedTileIconNoTileUsesIsRemovedAfterTheHourAnIconInUseStays() throws Exception {
    var admin = new AuditActor("10857", "王管理", "DEV");
    String unused = tileAdmin.uploadIcon(pngOf(97, 41), "未用.png", admin);
    String used = tileAdmin.uploadIcon(pngOf(40, 90), "在用.png", admin);
    assertThat(used).isNotEqualTo(unused);
    execSql(
        "insert into workbench_tile (scene, position, name, icon, kind, target, enabled, visible_departments,"
            + " visible_classes, visible_people, updated_by) values ('LIFE', 999, 'icon-cleanup-it', ?, 'EXTERNAL',"
            + " 'https://example.edu/', false, '', '', '', 'it')",
        used);
    try {
      execSql(
          "update workbench_icon set uploaded_at = uploaded_at - interval 2 hour where name in (?, ?)",
          unused,
          used);
      execSql("update platform_job set last_run_at = null where name = 'upload-cleanup'");
      uploadCleanup.run(java.time.Duration.ZERO);
      assertThat(leaveRows("select count(*) from workbench_icon where name = ?", unused)).isZero();
      assertThat(leaveRows("select count(*) from workbench_icon where name = ?", used))
          .isEqualTo(1);
    } finally {
      execSql("delete from workbench_tile where name = 'icon-cleanup-it'");
    }
  }

  @Test
  void theDailyUploadQuotaHoldsWhenOnePersonsUploadsRaceOnSeveralServers() throws Exception {
    String account = "q" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<Future<Boolean>> uploads = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        uploads.add(
            pool.submit(
                () -> {
                  go.await();
                  userTransaction.begin();
                  try {
                    return uploadQuota.take(account, 1, 1024 * 1024).isEmpty();
                  } finally {
                    userTransaction.commit();
                  }
                }));
      }
      go.countDown();
      int taken = 0;
      for (Future<Boolean> u : uploads) {
        taken += u.get() ? 1 : 0;
      }
      // The default: 30 files (and 50 MB) a day.
      assertThat(taken).isEqualTo(30);
    } finally {
      pool.shutdown();
    }
    assertThat(leaveRows("select files from upload_quota where account = ?", account))
        .isEqualTo(30);
    assertThat(leaveRows("select bytes from upload_quota where account = ?", account))
        .isEqualTo(30L * 1024 * 1024);

    // By bytes: two 20 MB files fit in 50 MB, the third does not, and the refusal says what is
    // used.
    String big = "b" + System.nanoTime();
    List<java.util.Optional<cn.edu.ntvu.workbench.platform.files.UploadQuota.Refusal>> outcomes =
        new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      userTransaction.begin();
      outcomes.add(uploadQuota.take(big, 1, 20L * 1024 * 1024));
      userTransaction.commit();
    }
    assertThat(outcomes.get(0)).isEmpty();
    assertThat(outcomes.get(1)).isEmpty();
    assertThat(outcomes.get(2).orElseThrow().args()).containsExactly(30, 50, 2, 40L);

    // A leave request with a photo from a student whose day is used up: refused beside the
    // attachments, not stored.
    String who = "20240100039";
    execSql(
        "insert into upload_quota (account, day, files, bytes) values (?, ?, 30, 0)"
            + " on duplicate key update files = 30",
        who,
        java.time.LocalDate.now(schoolClock));
    var user = ((SignInService.Outcome.SignedIn) signIn.resolve(who, SignInPath.DEV)).user();
    var day = java.time.LocalDate.now(schoolClock).plusDays(20);
    var form =
        new cn.edu.ntvu.workbench.leave.domain.LeaveForm(
            "PERSONAL", day.atTime(8, 0), day.atTime(12, 0), "配额", false, null, null, 1);
    String token = java.util.UUID.randomUUID().toString();
    var result =
        leaveSubmissions.submit(
            user,
            form,
            List.of(
                new cn.edu.ntvu.workbench.leave.application.NewAttachment(
                    "假条.png",
                    cn.edu.ntvu.workbench.leave.domain.AttachmentKind.PNG,
                    pngOf(100, 100))),
            token);
    assertThat(result.problems())
        .extracting(p -> p.field() + ":" + p.key())
        .containsExactly("attachments:leave.error.quota");
    assertThat(
            leaveRows(
                "select count(*) from leave_request where student_account = ? and submit_token = ?",
                who,
                token))
        .isZero();
  }
}
