package cn.edu.ntvu.workbench.wecom.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** WeCom's flat XML, read without ever expanding an entity. */
class CallbackXmlTest {

  @Test
  void readsTheOfficialSamplesPlaintext() {
    assertThat(CallbackXml.fields(CallbackCryptoTest.POST_PLAIN))
        .containsEntry("ToUserName", "wx5823bf96d3bd56c7")
        .containsEntry("FromUserName", "mycreate")
        .containsEntry("CreateTime", "1409659813")
        .containsEntry("MsgType", "text")
        .containsEntry("Content", "hello")
        .containsEntry("MsgId", "4561255354251345929")
        .containsEntry("AgentID", "218");
  }

  @Test
  void nestedElementsGiveTheirText() {
    String xml =
        "<xml><MsgType>event</MsgType><SelectedItems><SelectedItem><QuestionKey>q1</QuestionKey>"
            + "</SelectedItem></SelectedItems></xml>";
    assertThat(CallbackXml.fields(xml)).containsEntry("SelectedItems", "q1");
  }

  @Test
  void entitiesAndDoctypesAreRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><A>&x;</A></xml>";
    String lol =
        "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><A>&b;</A></xml>";
    for (String bad :
        new String[] {xxe, lol, "garbage", "<other><A>1</A></other>", "<xml><A>", "", null}) {
      assertThatThrownBy(() -> CallbackXml.fields(bad))
          .isInstanceOf(CallbackRejectedException.class)
          .satisfies(
              e ->
                  assertThat(((CallbackRejectedException) e).reason())
                      .isEqualTo(CallbackRejectedException.Reason.BAD_XML));
    }
  }
}
