package cn.edu.ntvu.workbench.contacts.interfaces.wecom;

import cn.edu.ntvu.workbench.contacts.application.ContactStates;
import cn.edu.ntvu.workbench.contacts.application.ContactsSync;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * WeCom's contacts events through the callback endpoint (docs/wecom-api.md §6.6): {@code
 * change_contact} for a member (create_user, update_user, delete_user) updates the person's WeCom
 * status — from the event's {@code Status} when it carries one (1 activated, 2 disabled, 4 not
 * activated, 5 left), else, as callbacks set up after 2022-08-15 carry only UserID and Department,
 * by asking {@code user/get}; {@code batch_job_result} is logged with its job and errcode.
 */
@ApplicationScoped
public class ContactChangeObserver {
  private static final Logger LOG = Logger.getLogger(ContactChangeObserver.class.getName());

  @Inject ContactStates states;

  @Inject ContactsSync sync;

  @Inject Clock clock;

  void on(@Observes WeComCallbackMessage m) {
    if (!m.isEvent()) {
      return;
    }
    if ("change_contact".equals(m.event())) {
      Optional<String> userid = m.field("UserID");
      String change = m.field("ChangeType").orElse("");
      if (userid.isEmpty() || !change.endsWith("_user")) {
        return;
      }
      if ("delete_user".equals(change)) {
        states.setStatus(userid.get(), MemberStatus.MISSING, LocalDateTime.now(clock));
        return;
      }
      Optional<Integer> status = m.field("Status").flatMap(ContactChangeObserver::number);
      if (status.isPresent()) {
        states.setStatus(
            userid.get(), MemberStatus.ofWeCom(status.get()), LocalDateTime.now(clock));
      } else {
        sync.refreshStatus(userid.get());
      }
    } else if ("batch_job_result".equals(m.event())) {
      LOG.info(
          "WeCom batch job "
              + m.field("BatchJob.JobId").orElse("?")
              + " ("
              + m.field("BatchJob.JobType").orElse("?")
              + ") ended with errcode "
              + m.field("BatchJob.ErrCode").orElse("?"));
    }
  }

  private static Optional<Integer> number(String s) {
    try {
      return Optional.of(Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
