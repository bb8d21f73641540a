package cn.edu.ntvu.workbench.forms.infrastructure;

import cn.edu.ntvu.workbench.forms.application.FormStore;
import cn.edu.ntvu.workbench.platform.files.StagedUploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;

/**
 * For the upload cleanup job: 收集表 files kept from a refused submit that no later submit claimed,
 * and the drafts of forms that take no more answers (closed or archived: a draft there can never
 * become a response).
 */
@ApplicationScoped
public class UnclaimedFormFiles implements StagedUploads {
  @Inject FormStore store;

  @Override
  public String what() {
    return "收集表 files";
  }

  @Override
  public int removeUnclaimed(LocalDateTime stagedBefore, int limit) {
    store.deleteDraftsOfClosedForms(limit);
    return store.deleteStagedBefore(stagedBefore, limit);
  }
}
