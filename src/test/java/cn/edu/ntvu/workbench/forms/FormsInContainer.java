package cn.edu.ntvu.workbench.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.contacts.ContactsInContainer;
import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * 收集表 in the container: publish and its outbox in one transaction, racing submits and publishes,
 * the closing job.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class FormsInContainer extends ContactsInContainer {
  // --- 收集表 (forms): publish and its outbox in one transaction, submits racing, the closing job
  // claimed once ---

  @Inject protected cn.edu.ntvu.workbench.forms.application.FormBuilder formBuilder;
  @Inject protected cn.edu.ntvu.workbench.forms.application.FormFilling formFilling;
  @Inject protected cn.edu.ntvu.workbench.forms.application.FormResults formResults;

  protected cn.edu.ntvu.workbench.platform.security.SignedInUser formsUser(String account) {
    return ((SignInService.Outcome.SignedIn) signIn.resolve(account, SignInPath.DEV)).user();
  }

  /**
   * A draft by counsellor 10001 with one required number question (100–250) for the students of her
   * class.
   */
  protected long formsDraft(boolean withAudience) {
    var owner = formsUser("10001");
    long id = formBuilder.create(owner, "容器内测试 " + System.nanoTime());
    var q =
        new cn.edu.ntvu.workbench.forms.domain.Question(
            0,
            0,
            cn.edu.ntvu.workbench.forms.domain.QuestionType.NUMBER,
            "身高",
            "",
            true,
            new java.math.BigDecimal("100"),
            new java.math.BigDecimal("250"),
            1,
            null,
            null,
            null,
            List.of(),
            true,
            null);
    assertThat(formBuilder.saveQuestion(owner, id, q)).isEmpty();
    if (withAudience) {
      assertThat(
              formBuilder.addAudience(
                  owner,
                  id,
                  new cn.edu.ntvu.workbench.forms.domain.AudienceRule(
                      cn.edu.ntvu.workbench.forms.domain.AudienceRule.Kind.MY_CLASSES, null)))
          .isEmpty();
    }
    return id;
  }

  @Test
  void formsPublishQueuesTheTextcardWithTheRecipientsOrNothingAtAll() throws Exception {
    var owner = formsUser("10001");
    long empty = formsDraft(false);
    assertThat(formBuilder.publish(owner, empty))
        .extracting(p -> p.key())
        .containsExactly("forms.builder.error.noAudience");
    assertThat(leaveRows("select count(*) from form where id = ? and status = 'DRAFT'", empty))
        .isEqualTo(1);
    assertThat(leaveRows("select count(*) from wecom_outbox where topic = ?", "forms:" + empty))
        .isZero();
    // Someone else's form: refused, not changed.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> formBuilder.publish(formsUser("10002"), empty))
        .isInstanceOf(cn.edu.ntvu.workbench.forms.application.FormAccessDenied.class);

    long id = formsDraft(true);
    assertThat(formBuilder.publish(owner, id)).isEmpty();
    assertThat(leaveRows("select count(*) from form_recipient where form_id = ?", id))
        .isEqualTo(40);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and to_users like ?",
                "forms:" + id + ":published:0",
                "%20240100001%"))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from audit_entry where object_type = 'form' and object_id = ?"
                    + " and action = 'FORM_PUBLISH'",
                String.valueOf(id)))
        .isEqualTo(1);
    // Published: the questions no longer change.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> formBuilder.deleteQuestion(owner, id, formBuilder.questions(id).get(0).id()))
        .isInstanceOf(cn.edu.ntvu.workbench.forms.application.FormBuilder.FormNotDraft.class);
  }

  @Test
  void formsSubmitsRacingFromOnePersonStoreOneAndANonMemberIsRefused() throws Exception {
    var owner = formsUser("10001");
    long id = formsDraft(true);
    assertThat(formBuilder.publish(owner, id)).isEmpty();
    long question = formBuilder.questions(id).get(0).id();
    var student = formsUser("20240100031");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<cn.edu.ntvu.workbench.forms.application.SubmitOutcome>>
          tabs = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String token = java.util.UUID.randomUUID().toString();
        tabs.add(
            pool.submit(
                () -> {
                  go.await();
                  return formFilling.submit(
                      student, id, Map.of(question, "１７０"), Map.of(), token, false);
                }));
      }
      go.countDown();
      long stored = 0;
      for (var f : tabs) {
        var out = f.get();
        if (!out.refused()) {
          stored++;
        } else {
          assertThat(out.formProblem().key()).isEqualTo("forms.fill.error.already");
        }
      }
      assertThat(stored).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(leaveRows("select count(*) from form_response where form_id = ?", id)).isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from form_answer where form_id = ? and number_value = 170", id))
        .isEqualTo(1);
    // A student of another class posting directly: refused, nothing stored.
    var outsider = formsUser("20250100041");
    var refused =
        formFilling.submit(
            outsider,
            id,
            Map.of(question, "170"),
            Map.of(),
            java.util.UUID.randomUUID().toString(),
            false);
    assertThat(refused.formProblem().key()).isEqualTo("forms.fill.error.notMember");
    assertThat(leaveRows("select count(*) from form_response where form_id = ?", id)).isEqualTo(1);
    // Remind: exactly the 39 who have not filled, then not again within the hour.
    var reminded = formResults.remind(owner, id);
    assertThat(reminded.reminded()).isEqualTo(39);
    assertThat(formResults.remind(owner, id).refusalKey())
        .isEqualTo("forms.results.remind.tooSoon");
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where topic = ? and message_key like ?"
                    + " and to_users not like '%20240100031%'",
                "forms:" + id, "forms:" + id + ":remind:%"))
        .isEqualTo(1);
  }

  @Test
  void formsClosingJobRunsOnceWhenServersRaceForIt() throws Exception {
    var owner = formsUser("10001");
    long id = formsDraft(true);
    assertThat(formBuilder.publish(owner, id)).isEmpty();
    try (Connection c = dataSource.getConnection();
        var st = c.prepareStatement("update form set deadline = ? where id = ?")) {
      st.setTimestamp(
          1, java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(schoolClock).minusMinutes(1)));
      st.setLong(2, id);
      st.executeUpdate();
      // Let the next claim through whatever the scheduled job did a moment ago.
      c.createStatement().executeUpdate("update form_job set last_run_at = null");
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(() -> formResults.closeAtDeadline(java.time.Duration.ofSeconds(50))));
      }
      int closed = 0;
      for (var r : runs) {
        closed += r.get();
      }
      // The scheduled job of this server may have won the claim instead; either way the form closed
      // once.
      assertThat(closed).isLessThanOrEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(
            leaveRows(
                "select count(*) from form where id = ? and status = 'CLOSED' and closed_by = 'DEADLINE'",
                id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from audit_entry where object_type = 'form' and object_id = ?"
                    + " and action = 'FORM_CLOSE'",
                String.valueOf(id)))
        .isEqualTo(1);
  }

  /**
   * The per-person publishing limit holds when one person's publishes race (two tabs, two servers):
   * the publisher's directory row is locked while the last hour is counted, so with one publish
   * left exactly one of three succeeds.
   */
  @Test
  void formsPublishesRacingAtThePublishingLimitLetExactlyOneThrough() throws Exception {
    var teacher = formsUser("10006");
    long[] drafts = new long[3];
    for (int i = 0; i < drafts.length; i++) {
      drafts[i] = formBuilder.create(teacher, "限额 " + i);
      assertThat(
              formBuilder.saveQuestion(
                  teacher,
                  drafts[i],
                  new cn.edu.ntvu.workbench.forms.domain.Question(
                      0,
                      0,
                      cn.edu.ntvu.workbench.forms.domain.QuestionType.TEXT,
                      "备注",
                      "",
                      false,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      List.of(),
                      true,
                      null)))
          .isEmpty();
      assertThat(
              formBuilder.addAudience(
                  teacher,
                  drafts[i],
                  new cn.edu.ntvu.workbench.forms.domain.AudienceRule(
                      cn.edu.ntvu.workbench.forms.domain.AudienceRule.Kind.PERSON, "20240100012")))
          .isEmpty();
    }
    // Nine publishes in the last hour already: one left of the default ten.
    try (Connection c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "insert into form_publish (account, published_at, form_id) values (?, ?, ?)")) {
      for (int i = 1; i <= 9; i++) {
        ps.setString(1, "10006");
        ps.setTimestamp(
            2,
            java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(schoolClock).minusMinutes(i)));
        ps.setLong(3, drafts[0]);
        ps.executeUpdate();
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<List<cn.edu.ntvu.workbench.forms.domain.Problem>>> tabs =
          new java.util.ArrayList<>();
      for (long draft : drafts) {
        tabs.add(
            pool.submit(
                () -> {
                  go.await();
                  return formBuilder.publish(teacher, draft);
                }));
      }
      go.countDown();
      int published = 0;
      for (var tab : tabs) {
        List<cn.edu.ntvu.workbench.forms.domain.Problem> problems = tab.get();
        if (problems.isEmpty()) {
          published++;
        } else {
          assertThat(problems)
              .extracting(p -> p.key())
              .containsExactly("forms.builder.error.publishLimit");
        }
      }
      assertThat(published).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(
            leaveRows(
                "select count(*) from form where owner_account = '10006' and status = 'PUBLISHED'"))
        .isEqualTo(1);
    assertThat(leaveRows("select count(*) from form_publish where account = '10006'"))
        .isEqualTo(10);
  }
}
