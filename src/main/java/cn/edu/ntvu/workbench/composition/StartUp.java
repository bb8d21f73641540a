package cn.edu.ntvu.workbench.composition;

import cn.edu.ntvu.workbench.identity.application.DirectorySearch;
import cn.edu.ntvu.workbench.messaging.infrastructure.OutboxWorker;
import cn.edu.ntvu.workbench.platform.files.UploadSettings;
import cn.edu.ntvu.workbench.platform.persistence.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What runs once Flyway has migrated the schema ({@link SchemaReady}), in this order and in one
 * place, so that a reader finds the app's start-up here rather than in observers spread over the
 * contexts: the settings checked at start (a wrong value stops start-up naming its key), then the
 * background senders, then the directory's pinyin for names that have none. The scheduled jobs
 * (overdue leave, closing 收集表, the contacts runner, upload cleanup) are container timers declared
 * where they work.
 */
@ApplicationScoped
public class StartUp {
  @Inject UploadSettings uploads;
  @Inject OutboxWorker outbox;
  @Inject DirectorySearch directorySearch;

  void schemaReady(@Observes SchemaReady ready) {
    uploads.validate();
    outbox.start();
    // The picker's pinyin for rows that have none yet (the rows from before V22; later imports fill
    // their own).
    directorySearch.refreshPinyin();
  }
}
