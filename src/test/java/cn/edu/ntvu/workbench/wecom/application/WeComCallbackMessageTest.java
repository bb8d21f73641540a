package cn.edu.ntvu.workbench.wecom.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.wecom.domain.CallbackXml;
import org.junit.jupiter.api.Test;

/** The record handed to the micro-apps, and what makes two callbacks the same one. */
class WeComCallbackMessageTest {
  static final String CLICK =
      "<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[10001]]></FromUserName>"
          + "<CreateTime>1764037200</CreateTime><MsgType><![CDATA[event]]></MsgType>"
          + "<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[approve:42]]></EventKey>"
          + "<TaskId><![CDATA[leave-42]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>"
          + "<ResponseCode><![CDATA[rc-1]]></ResponseCode><AgentID>1000002</AgentID></xml>";

  @Test
  void aCardClickCarriesItsFields() {
    WeComCallbackMessage m = WeComCallbackMessage.of(CallbackXml.fields(CLICK));
    assertThat(m.isTemplateCardEvent()).isTrue();
    assertThat(m.fromUser()).isEqualTo("10001");
    assertThat(m.eventKey()).isEqualTo("approve:42");
    assertThat(m.taskId()).isEqualTo("leave-42");
    assertThat(m.responseCode()).isEqualTo("rc-1");
    assertThat(m.agentId()).isEqualTo("1000002");
    assertThat(m.createTime()).isEqualTo(1764037200L);
    assertThat(m.msgId()).isNull();
    assertThat(m.field("CardType")).contains("button_interaction");
  }

  @Test
  void theSameClickIsTheSameMessageWhateverItsResponseCodeButAnotherButtonIsNot() {
    WeComCallbackMessage first = WeComCallbackMessage.of(CallbackXml.fields(CLICK));
    WeComCallbackMessage retry =
        WeComCallbackMessage.of(CallbackXml.fields(CLICK.replace("rc-1", "rc-2")));
    WeComCallbackMessage other =
        WeComCallbackMessage.of(CallbackXml.fields(CLICK.replace("approve:42", "reject:42")));
    WeComCallbackMessage later =
        WeComCallbackMessage.of(CallbackXml.fields(CLICK.replace("1764037200", "1764037201")));
    assertThat(retry.dedupeKey()).isEqualTo(first.dedupeKey()).hasSize(64);
    assertThat(other.dedupeKey()).isNotEqualTo(first.dedupeKey());
    assertThat(later.dedupeKey()).isNotEqualTo(first.dedupeKey());
  }

  static final String CONTACT_CHANGE =
      "<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
          + "<CreateTime>1764037200</CreateTime><MsgType><![CDATA[event]]></MsgType>"
          + "<Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[update_user]]></ChangeType>"
          + "<UserID><![CDATA[2024001]]></UserID><Department><![CDATA[5]]></Department></xml>";

  @Test
  void twoMembersChangedInTheSameSecondAreTwoEventsAndARetryIsOne() {
    WeComCallbackMessage first = WeComCallbackMessage.of(CallbackXml.fields(CONTACT_CHANGE));
    WeComCallbackMessage retry = WeComCallbackMessage.of(CallbackXml.fields(CONTACT_CHANGE));
    WeComCallbackMessage other =
        WeComCallbackMessage.of(CallbackXml.fields(CONTACT_CHANGE.replace("2024001", "2024002")));
    assertThat(retry.dedupeKey()).isEqualTo(first.dedupeKey());
    assertThat(other.dedupeKey()).isNotEqualTo(first.dedupeKey());
  }

  @Test
  void aBatchJobResultKeepsItsNestedFields() {
    WeComCallbackMessage m =
        WeComCallbackMessage.of(
            CallbackXml.fields(
                "<xml><FromUserName>sys</FromUserName>"
                    + "<CreateTime>1</CreateTime><MsgType>event</MsgType><Event>batch_job_result</Event><BatchJob>"
                    + "<JobId><![CDATA[J1]]></JobId><JobType>replace_user</JobType><ErrCode>0</ErrCode><ErrMsg>ok</ErrMsg>"
                    + "</BatchJob></xml>"));
    assertThat(m.field("BatchJob.JobId")).contains("J1");
    assertThat(m.field("BatchJob.JobType")).contains("replace_user");
    assertThat(m.field("BatchJob.ErrCode")).contains("0");
  }

  @Test
  void messagesAreTheSameByMsgId() {
    String text =
        "<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>"
            + "<Content>a</Content><MsgId>99</MsgId></xml>";
    WeComCallbackMessage a = WeComCallbackMessage.of(CallbackXml.fields(text));
    WeComCallbackMessage b =
        WeComCallbackMessage.of(CallbackXml.fields(text.replace("<CreateTime>1", "<CreateTime>2")));
    assertThat(a.dedupeKey()).isEqualTo(b.dedupeKey());
    assertThat(a.isEvent()).isFalse();
  }
}
