package cn.edu.ntvu.standin.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.MutableClock;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stand-in answers like WeCom (wecom-api-notes §1.2, §2.4). */
class WeComStandInTest {

  static final String CORP_ID = "ww-standin";
  static final String SECRET = "standin-secret";
  static final String CONTACTS = "standin-contacts-secret";

  final MutableClock clock = new MutableClock();
  final StandInFaults faults = new StandInFaults();
  final StandInWeCom standIn =
      new StandInWeCom(
          new InMemoryStandInGrants(), faults, clock, () -> CORP_ID, () -> SECRET, () -> CONTACTS);

  @Test
  void gettokenIssuesAFreshTokenFor7200Seconds() {
    JsonObject first = standIn.gettoken(CORP_ID, SECRET);
    JsonObject second = standIn.gettoken(CORP_ID, SECRET);

    assertThat(first.getInt("errcode")).isZero();
    assertThat(first.getString("errmsg")).isEqualTo("ok");
    assertThat(first.getInt("expires_in")).isEqualTo(7200);
    assertThat(first.getString("access_token")).isNotBlank();
    assertThat(second.getString("access_token")).isNotEqualTo(first.getString("access_token"));
  }

  @Test
  void gettokenRejectsWrongCorpIdThenWrongSecret() {
    assertThat(standIn.gettoken("ww-other", SECRET).toString())
        .isEqualTo("{\"errcode\":40013,\"errmsg\":\"invalid corpid\"}");
    assertThat(standIn.gettoken(CORP_ID, "wrong").getInt("errcode")).isEqualTo(40001);
    assertThat(standIn.gettoken(CORP_ID, null).getInt("errcode")).isEqualTo(40001);
  }

  @Test
  void memberCodeAnswersUseridOnce() {
    String token = token();
    String code = standIn.issueCode("2023010101");

    assertThat(standIn.getuserinfo(token, code).toString())
        .isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"2023010101\"}");
    assertThat(standIn.getuserinfo(token, code).toString())
        .isEqualTo("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
  }

  @Test
  void nonMemberCodeAnswersTheOpenidShape() {
    JsonObject answer = standIn.getuserinfo(token(), standIn.issueCode(null));

    assertThat(answer.getInt("errcode")).isZero();
    assertThat(answer.getString("openid")).isNotBlank();
    assertThat(answer.containsKey("userid")).isFalse();
  }

  @Test
  void codeExpiresAfterFiveMinutes() {
    String token = token();
    String code = standIn.issueCode("2023010101");
    clock.advance(Duration.ofMinutes(5));

    assertThat(standIn.getuserinfo(token, code).getInt("errcode")).isEqualTo(40029);
  }

  @Test
  void unknownCodeIsInvalid() {
    assertThat(standIn.getuserinfo(token(), "nope").getInt("errcode")).isEqualTo(40029);
  }

  @Test
  void missingUnknownAndExpiredTokensAreRejected() {
    String code = standIn.issueCode("2023010101");
    assertThat(standIn.getuserinfo(null, code).getInt("errcode")).isEqualTo(41001);
    assertThat(standIn.getuserinfo("forged", code).getInt("errcode")).isEqualTo(40014);

    String token = token();
    clock.advance(Duration.ofSeconds(7200));
    assertThat(standIn.getuserinfo(token, code).getInt("errcode")).isEqualTo(40014);
  }

  @Test
  void rejectedTokenDoesNotUseUpTheCode() {
    String code = standIn.issueCode("2023010101");
    standIn.getuserinfo("forged", code);

    assertThat(standIn.getuserinfo(token(), code).getString("userid")).isEqualTo("2023010101");
  }

  @Test
  void expireAllTokensMakesIssuedTokensInvalid() {
    String token = token();

    assertThat(standIn.expireAllTokens()).isEqualTo(1);
    assertThat(standIn.getuserinfo(token, standIn.issueCode("u")).getInt("errcode"))
        .isEqualTo(40014);
  }

  @Test
  void injectedFaultsAnswerTheGivenTimesAndCallsAreCounted() {
    faults.failNext(StandInWeCom.GETTOKEN, -1, null, 2, Duration.ZERO);

    assertThat(standIn.gettoken(CORP_ID, SECRET).toString())
        .isEqualTo("{\"errcode\":-1,\"errmsg\":\"system busy\"}");
    assertThat(standIn.gettoken(CORP_ID, SECRET).getInt("errcode")).isEqualTo(-1);
    assertThat(standIn.gettoken(CORP_ID, SECRET).getInt("errcode")).isZero();
    assertThat(faults.calls(StandInWeCom.GETTOKEN)).isEqualTo(3);
    assertThat(faults.calls(StandInWeCom.GETUSERINFO)).isZero();

    faults.reset();
    assertThat(faults.calls(StandInWeCom.GETTOKEN)).isZero();
  }

  private String token() {
    return standIn.gettoken(CORP_ID, SECRET).getString("access_token");
  }
}
