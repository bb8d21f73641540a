package cn.edu.ntvu.workbench.contacts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.contacts.domain.BatchJob;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import cn.edu.ntvu.workbench.contacts.domain.WeComDepartment;
import cn.edu.ntvu.workbench.contacts.domain.WeComMember;
import cn.edu.ntvu.workbench.testsupport.MutableClock;
import cn.edu.ntvu.workbench.wecom.application.FakeWeComHttp;
import cn.edu.ntvu.workbench.wecom.application.InMemoryCredentialStore;
import cn.edu.ntvu.workbench.wecom.application.WeComClient;
import cn.edu.ntvu.workbench.wecom.domain.Agent;
import cn.edu.ntvu.workbench.wecom.domain.WeComConfigurationException;
import cn.edu.ntvu.workbench.wecom.domain.WeComRateLimitedException;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import cn.edu.ntvu.workbench.wecom.domain.WeComUserNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeComContactsTest {
  static final Agent WORKBENCH = new Agent("1000002", "agent-secret");
  static final Agent CONTACTS = new Agent("contacts", "contacts-sync-secret");

  final FakeWeComHttp http = new FakeWeComHttp();
  final List<Duration> sleeps = new ArrayList<>();
  final WeComClient client =
      new WeComClient(
          "wwcorp",
          WORKBENCH,
          http,
          new InMemoryCredentialStore(),
          new MutableClock(),
          sleeps::add,
          new Random(3));
  final WeComContacts contacts = new WeComContacts(client, CONTACTS);

  @Test
  void usesTheContactsSyncSecretsOwnToken() {
    contacts.departments();
    assertThat(http.calls("/cgi-bin/gettoken").get(0).query())
        .containsEntry("corpsecret", "contacts-sync-secret");
    assertThat(http.calls(WeComContacts.DEPARTMENT_SIMPLELIST).get(0).query())
        .containsKey("access_token");
  }

  @Test
  void readsDepartmentsAndEveryPageOfUserIds() {
    http.answerNext(
        WeComContacts.DEPARTMENT_SIMPLELIST,
        "{\"errcode\":0,\"errmsg\":\"ok\",\"department_id\":"
            + "[{\"id\":1,\"parentid\":0,\"order\":10},{\"id\":2,\"parentid\":1,\"order\":5}]}");
    http.answerNext(
        WeComContacts.USER_LIST_ID,
        "{\"errcode\":0,\"errmsg\":\"ok\",\"next_cursor\":\"C2\",\"dept_user\":[{\"userid\":\"a\",\"department\":2}]}",
        "{\"errcode\":0,\"errmsg\":\"ok\",\"next_cursor\":\"\",\"dept_user\":[{\"userid\":\"a\",\"department\":3},"
            + "{\"userid\":\"b\",\"department\":1}]}");

    assertThat(contacts.departments())
        .containsExactly(new WeComDepartment(1, "", 0, 10), new WeComDepartment(2, "", 1, 5));
    Map<String, List<Long>> users = contacts.allUserDepartments();

    assertThat(users).containsEntry("a", List.of(2L, 3L)).containsEntry("b", List.of(1L));
    List<FakeWeComHttp.Call> pages = http.calls(WeComContacts.USER_LIST_ID);
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).body().containsKey("cursor")).isFalse();
    assertThat(pages.get(0).body().getInt("limit")).isEqualTo(10_000);
    assertThat(pages.get(1).body().getString("cursor")).isEqualTo("C2");
  }

  @Test
  void createSendsTheFieldsOfSection62WithoutInvitation() {
    contacts.createUser(new WeComMember("2024001", "张三", "13800138000", List.of(5L), "学生", true));
    var body = http.calls(WeComContacts.USER_CREATE).get(0).body();
    assertThat(body.getString("userid")).isEqualTo("2024001");
    assertThat(body.getString("mobile")).isEqualTo("13800138000");
    assertThat(body.getJsonArray("department").getJsonNumber(0).longValue()).isEqualTo(5);
    assertThat(body.getInt("enable")).isEqualTo(1);
    assertThat(body.getBoolean("to_invite")).isFalse();
  }

  @Test
  void userGetGivesStatus() {
    http.answerNext(
        WeComContacts.USER_GET,
        "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"x\",\"name\":\"李四\","
            + "\"department\":[2],\"status\":4,\"enable\":1}");
    var detail = contacts.user("x");
    assertThat(detail.status()).isEqualTo(MemberStatus.NOT_ACTIVATED);
    assertThat(detail.member().departments()).containsExactly(2L);
  }

  @Test
  void errorCodesAreTyped() {
    http.answerNext(WeComContacts.USER_GET, "{\"errcode\":60111,\"errmsg\":\"userid not found\"}");
    assertThatThrownBy(() -> contacts.user("nobody"))
        .isInstanceOf(WeComUserNotFoundException.class);

    http.answerNext(
        WeComContacts.USER_UPDATE, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
    assertThatThrownBy(
            () -> contacts.updateUser(new WeComMember("a", "A", null, List.of(1L), "", true)))
        .isInstanceOf(WeComRateLimitedException.class);

    http.answerNext(WeComContacts.USER_LIST_ID, "{\"errcode\":48002,\"errmsg\":\"api forbidden\"}");
    assertThatThrownBy(() -> contacts.userIds(null, 100))
        .isInstanceOf(WeComConfigurationException.class);

    http.answerNext(
        WeComContacts.DEPARTMENT_SIMPLELIST,
        "{\"errcode\":60020,\"errmsg\":\"not allow to access from your ip\"}");
    assertThatThrownBy(contacts::departments)
        .isInstanceOf(WeComConfigurationException.class)
        .hasMessageContaining("60020");
  }

  @Test
  void busyIsRetriedAtMostThreeTimes() {
    http.answerNext(
        WeComContacts.USER_DELETE,
        "{\"errcode\":-1,\"errmsg\":\"system busy\"}",
        "{\"errcode\":-1,\"errmsg\":\"system busy\"}",
        "{\"errcode\":-1,\"errmsg\":\"system busy\"}");
    assertThatThrownBy(() -> contacts.deleteUser("a"))
        .isInstanceOf(WeComUnavailableException.class);
    assertThat(http.count(WeComContacts.USER_DELETE)).isEqualTo(3);
    assertThat(sleeps).hasSize(2);

    http.answerNext(WeComContacts.USER_DELETE, "{\"errcode\":-1,\"errmsg\":\"system busy\"}");
    contacts.deleteUser("a");
    assertThat(http.count(WeComContacts.USER_DELETE)).isEqualTo(5);
  }

  @Test
  void batchRouteUploadsThenReplacesThenReadsTheResult() {
    http.answerNext(
        WeComContacts.MEDIA_UPLOAD,
        "{\"errcode\":0,\"errmsg\":\"ok\",\"type\":\"file\",\"media_id\":\"M1\"}");
    http.answerNext(
        WeComContacts.BATCH_REPLACEUSER, "{\"errcode\":0,\"errmsg\":\"ok\",\"jobid\":\"J1\"}");
    http.answerNext(
        WeComContacts.BATCH_GETRESULT,
        "{\"errcode\":0,\"errmsg\":\"ok\",\"status\":3,"
            + "\"type\":\"replace_user\",\"total\":2,\"percentage\":100,\"result\":[{\"userid\":\"a\",\"errcode\":0,"
            + "\"errmsg\":\"ok\"},{\"userid\":\"b\",\"errcode\":60104,\"errmsg\":\"mobile existed\"}]}");

    String media = contacts.uploadFile("users.csv", "姓名,帐号\n".getBytes(StandardCharsets.UTF_8));
    String job = contacts.replaceUser(media);
    BatchJob result = contacts.batchResult(job);

    assertThat(http.calls(WeComContacts.MEDIA_UPLOAD).get(0).query()).containsEntry("type", "file");
    assertThat(
            new String(
                http.calls(WeComContacts.MEDIA_UPLOAD).get(0).upload(), StandardCharsets.UTF_8))
        .isEqualTo("姓名,帐号\n");
    assertThat(http.calls(WeComContacts.BATCH_REPLACEUSER).get(0).body().getString("media_id"))
        .isEqualTo("M1");
    assertThat(result.finished()).isTrue();
    assertThat(result.failures()).containsExactly(new BatchJob.Entry("b", 60104, "mobile existed"));
  }

  @Test
  void answerWithoutJobIdIsUnavailableNotANullJob() {
    http.answerNext(WeComContacts.BATCH_REPLACEPARTY, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    assertThatThrownBy(() -> contacts.replaceParty("M"))
        .isInstanceOf(WeComUnavailableException.class);
  }
}
