package cn.edu.ntvu.standin.wecom.contacts;

import cn.edu.ntvu.standin.StandInSettings;
import cn.edu.ntvu.standin.wecom.callback.CallbackSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The contacts events WeCom posts to the app's callback (§6.6), from {@code sys}: {@code
 * change_contact} {@code update_user} with only UserID and Department, as WeCom does for callbacks
 * set up after 2022-08-15, and {@code batch_job_result} when a replace job ends. Changes made
 * through the API itself are not called back (§6.6).
 */
@ApplicationScoped
public class ContactEvents {
  private static final Logger LOG = Logger.getLogger(ContactEvents.class.getName());

  @Inject CallbackSender callbacks;
  @Inject StandInSettings settings;

  void memberChanged(String userid, String department) {
    post(
        head()
            + "<Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[update_user]]></ChangeType>"
            + "<UserID><![CDATA["
            + userid
            + "]]></UserID><Department><![CDATA["
            + department
            + "]]></Department></xml>");
  }

  void jobFinished(String jobId, String type, int errcode, String errmsg) {
    post(
        head()
            + "<Event><![CDATA[batch_job_result]]></Event><BatchJob><JobId><![CDATA["
            + jobId
            + "]]></JobId>"
            + "<JobType><![CDATA["
            + type
            + "]]></JobType><ErrCode>"
            + errcode
            + "</ErrCode><ErrMsg><![CDATA["
            + errmsg
            + "]]></ErrMsg></BatchJob></xml>");
  }

  private String head() {
    return "<xml><ToUserName><![CDATA["
        + settings.corpId()
        + "]]></ToUserName><FromUserName><![CDATA[sys]]>"
        + "</FromUserName><CreateTime>"
        + Instant.now().getEpochSecond()
        + "</CreateTime>"
        + "<MsgType><![CDATA[event]]></MsgType>";
  }

  /**
   * Posted after the answer's work is done; an app that cannot be reached just misses it, as with
   * WeCom.
   */
  private void post(String xml) {
    try {
      callbacks.send(xml);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "stand-in contacts callback not sent: " + e.getMessage());
    }
  }
}
