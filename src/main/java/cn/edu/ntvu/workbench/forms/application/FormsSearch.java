package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.application.SearchQuery;
import cn.edu.ntvu.workbench.portal.application.SearchableItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The workbench search's 收集表 group (issue 21): the forms that ask me (as on 收集表's home: open ones
 * first) and, for those who build forms, the forms I own or co-own, by title. Only what {@link
 * FormFilling#askedOf} and {@link FormBuilder#mine} list for the person: never another's.
 */
@ApplicationScoped
public class FormsSearch implements SearchableItems {
  @Inject FormFilling filling;
  @Inject FormBuilder builder;
  @Inject Clock clock;

  @Override
  public String groupBundle() {
    return "i18n.forms";
  }

  @Override
  public String groupKey() {
    return "forms.search.group";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<Found> find(SignedInUser user, SearchQuery query, int limit) {
    List<Found> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    LocalDateTime now = LocalDateTime.now(clock);
    for (AskedForm a : filling.askedOf(user)) {
      if (out.size() >= limit) {
        return out;
      }
      if (query.matches(a.form().title()) && seen.add(a.form().id())) {
        String state =
            a.filled()
                ? "forms.search.filled"
                : a.form().open(now) ? "forms.search.toFill" : "forms.search.closed";
        out.add(new Found(a.form().title(), state, null, "/forms/fill.xhtml?id=" + a.form().id()));
      }
    }
    if (FormBuilder.mayCreate(user)) {
      for (FormRow f : builder.mine(user)) {
        if (out.size() >= limit) {
          return out;
        }
        if (query.matches(f.title()) && seen.add(f.id())) {
          boolean draft = f.status() == FormStatus.DRAFT;
          out.add(
              new Found(
                  f.title(),
                  draft ? "forms.search.mineDraft" : "forms.search.mine",
                  null,
                  (draft ? "/forms/edit.xhtml?id=" : "/forms/results.xhtml?id=") + f.id()));
        }
      }
    }
    return out;
  }
}
