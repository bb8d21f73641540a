package cn.edu.ntvu.workbench.contacts.infrastructure;

import cn.edu.ntvu.workbench.contacts.application.ContactsSettings;
import cn.edu.ntvu.workbench.contacts.application.ContactsSync;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 5 seconds on every server: work on the confirmed sync run if no other server holds it
 * ({@link ContactsSync#work}); one pass at a time per server. Each server has its own claim owner
 * id, new at every start, so a restarted server takes its old run over like any other once the
 * lease ran out.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ContactsSyncRunner {
  private static final Logger LOG = Logger.getLogger(ContactsSyncRunner.class.getName());
  private static final String OWNER = "server-" + UUID.randomUUID();

  @Inject ContactsSync sync;

  @Inject ContactsSettings settings;

  private final AtomicBoolean busy = new AtomicBoolean();

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!settings.workerEnabled() || !busy.compareAndSet(false, true)) {
      return;
    }
    try {
      sync.work(OWNER);
    } catch (RuntimeException e) {
      // The database may be down or not migrated yet; the next tick tries again.
      LOG.log(Level.WARNING, "contacts sync pass failed: " + e.getMessage());
    } finally {
      busy.set(false);
    }
  }
}
