package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import cn.edu.ntvu.workbench.timetable.domain.TermRecord;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link TimetableOverview}: five small queries whatever the number of meetings (terms,
 * calendar days and meetings counted per term, period times, the latest applied import batches).
 */
final class TimetableOverviewReader {
  private final EntityManager em;

  TimetableOverviewReader(EntityManager em) {
    this.em = em;
  }

  TimetableOverview read() {
    Map<Long, int[]> days = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT term_id, kind, COUNT(*) FROM term_calendar_day GROUP BY term_id, kind")
            .getResultList()) {
      Object[] r = (Object[]) row;
      int[] d = days.computeIfAbsent(((Number) r[0]).longValue(), t -> new int[2]);
      d["HOLIDAY".equals(r[1]) ? 0 : 1] = ((Number) r[2]).intValue();
    }
    Map<String, Integer> meetings = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT term_id, source, COUNT(*) FROM course_meeting GROUP BY term_id, source")
            .getResultList()) {
      Object[] r = (Object[]) row;
      meetings.put(r[0] + "/" + r[1], ((Number) r[2]).intValue());
    }
    Map<String, TimetableOverview.Imported> imports = lastImports();
    List<TimetableOverview.TermState> terms = new ArrayList<>();
    for (TermRecord t :
        em.createQuery("SELECT t FROM TermRecord t ORDER BY t.week1Monday DESC", TermRecord.class)
            .getResultList()) {
      Term term = t.toTerm();
      int[] d = days.getOrDefault(t.getId(), new int[2]);
      terms.add(
          new TimetableOverview.TermState(
              term.code(),
              term.week1Monday(),
              term.weeks(),
              d[0],
              d[1],
              source(t, TimetableImportKind.TIMETABLE_ZF, meetings, imports),
              source(t, TimetableImportKind.TIMETABLE_WISEDU, meetings, imports)));
    }
    return new TimetableOverview(
        terms,
        TimetableImportService.periodTimes(em).sets(),
        imports.get(TimetableImportKind.PERIOD_TIMES.name() + "/"));
  }

  private static TimetableOverview.Source source(
      TermRecord term,
      TimetableImportKind kind,
      Map<String, Integer> meetings,
      Map<String, TimetableOverview.Imported> imports) {
    return new TimetableOverview.Source(
        meetings.getOrDefault(term.getId() + "/" + TimetableImportService.source(kind), 0),
        imports.get(kind.name() + "/" + term.getCode()));
  }

  /** The latest applied batch per kind and term ("TIMETABLE_ZF/2026-2027-1", "PERIOD_TIMES/"). */
  private Map<String, TimetableOverview.Imported> lastImports() {
    Map<String, TimetableOverview.Imported> out = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT kind, summary, applied_at, uploaded_by FROM import_batch"
                    + " WHERE status = 'APPLIED' AND kind IN ('PERIOD_TIMES', 'TIMETABLE_ZF', 'TIMETABLE_WISEDU')"
                    + " ORDER BY applied_at DESC, id DESC")
            .setMaxResults(1000)
            .getResultList()) {
      Object[] r = (Object[]) row;
      out.putIfAbsent(
          r[0] + "/" + termOfSummary((String) r[1]),
          new TimetableOverview.Imported(dateTime(r[2]), (String) r[3]));
    }
    return out;
  }

  /**
   * The term a batch summary names, or "" (period times, or a summary not written by {@link
   * #summary}).
   */
  static String termOfSummary(String summary) {
    if (summary == null || summary.isBlank()) {
      return "";
    }
    try (JsonReader json = Jsons.createReader(new StringReader(summary))) {
      JsonObject o = json.readObject();
      return o.get("term") instanceof JsonString term ? term.getString() : "";
    } catch (JsonException | ClassCastException e) {
      return "";
    }
  }

  private static LocalDateTime dateTime(Object value) {
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    return (LocalDateTime) value;
  }
}
