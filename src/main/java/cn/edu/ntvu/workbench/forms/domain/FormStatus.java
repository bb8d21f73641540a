package cn.edu.ntvu.workbench.forms.domain;

/**
 * The lifecycle of a form: a {@code DRAFT} is edited and previewed by its owners, {@code PUBLISHED}
 * takes answers until the deadline or until an owner closes it, {@code CLOSED} keeps its results,
 * {@code ARCHIVED} is put away.
 */
public enum FormStatus {
  DRAFT,
  PUBLISHED,
  CLOSED,
  ARCHIVED;

  public boolean mayMoveTo(FormStatus next) {
    return switch (this) {
      case DRAFT -> next == PUBLISHED;
      case PUBLISHED -> next == CLOSED;
      case CLOSED -> next == ARCHIVED;
      case ARCHIVED -> false;
    };
  }
}
