package cn.edu.ntvu.workbench.wecom.standin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backs {@code /dev/wecom-inbox.xhtml} (development mode only, like every {@code /dev/} page): the messages the WeCom
 * stand-in received, newest first, for one recipient or everyone — what the people would have seen in WeCom.
 */
@Named("standInInbox")
@RequestScoped
public class StandInInboxView {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

  @Inject StandInMessageStore store;
  @Inject HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "app.mode", defaultValue = "production")
  String appMode;

  private List<StandInMessage> messages;

  public String getUser() {
    String user = request.getParameter("user");
    return user == null ? "" : user.strip().length() > 64 ? user.strip().substring(0, 64) : user.strip();
  }

  public List<StandInMessage> getMessages() {
    if (!"dev".equals(appMode)) {
      return List.of();
    }
    if (messages == null) {
      messages = store.latest(getUser().isEmpty() ? null : getUser(), 200);
    }
    return messages;
  }

  public String when(StandInMessage m) {
    return WHEN.format(m.receivedAt());
  }
}
