package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportService;
import cn.edu.ntvu.workbench.timetable.application.TimetableOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the timetable holds now, for the import page ({@code #{timetableState}}): read once per
 * request, when the page is rendered, so it already shows what a confirmation in the same request
 * imported.
 */
@Requires(roles = Role.ADMIN)
@Named("timetableState")
@RequestScoped
public class TimetableStateView {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject TimetableImportService service;

  private static final TimetableOverview NOTHING =
      new TimetableOverview(List.of(), List.of(), null);

  private TimetableOverview overview;

  /**
   * Read when the page is rendered. ui:repeat walks its rows in every phase of a postback, but
   * these rows hold no inputs: read before the import of the same request, they would show what it
   * replaced.
   */
  public TimetableOverview getOverview() {
    if (FacesContext.getCurrentInstance().getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
      return NOTHING;
    }
    if (overview == null) {
      overview = service.overview();
    }
    return overview;
  }

  /** "2026-11-25 10:31", or "" when no import is recorded. */
  public String when(TimetableOverview.Imported imported) {
    return imported == null ? "" : WHEN.format(imported.at());
  }
}
