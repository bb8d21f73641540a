package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.AttachmentStore;
import cn.edu.ntvu.workbench.leave.application.LeaveCatalog;
import cn.edu.ntvu.workbench.leave.application.LeaveMissedClasses;
import cn.edu.ntvu.workbench.leave.application.LeaveQueries;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.LeaveSubmissions;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.application.MissedClassList;
import cn.edu.ntvu.workbench.leave.application.NewAttachment;
import cn.edu.ntvu.workbench.leave.application.StepRow;
import cn.edu.ntvu.workbench.leave.application.SubmitResult;
import cn.edu.ntvu.workbench.leave.domain.AttachmentKind;
import cn.edu.ntvu.workbench.leave.domain.FieldProblem;
import cn.edu.ntvu.workbench.leave.domain.HalfDay;
import cn.edu.ntvu.workbench.leave.domain.LeaveDuration;
import cn.edu.ntvu.workbench.leave.domain.LeaveForm;
import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /leave/apply.xhtml}: the student's form. The duration and each field's message are shown
 * as the student fills it in (Ajax on change); the form carries a one-time token from the moment it
 * is shown, so a double tap or a re-sent post submits one request. {@code ?from=42} opens it filled
 * in with the student's own rejected request 42, to send again changed; the new request names the
 * earlier one.
 */
@Requires(kind = PersonKind.STUDENT)
@Named("leaveForm")
@ViewScoped
public class LeaveFormBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveSubmissions submissions;
  @Inject LeaveCatalog catalog;
  @Inject LeaveQueries queries;
  @Inject LeaveMissedClasses missedClasses;
  @Inject AppSettings settings;

  private String token;
  private String typeCode;
  private String start;
  private String end;

  /**
   * The half-day picker (date and 上午/下午); when a date is there it decides over {@link
   * #start}/{@link #end}.
   */
  private String startDate;

  private String startHalf = HalfDay.AM.name();
  private String endDate;
  private String endHalf = HalfDay.PM.name();

  /**
   * 按节: one day and 第 N–M 节; when the day is there it decides over the other pickers (the page
   * empties it when another way is chosen).
   */
  private String periodDate;

  private String firstPeriod = "1";
  private String lastPeriod = "2";

  /** The classes the picked time misses, as of the last check. */
  private MissedClassList missed = MissedClassList.NONE;

  /** 按节: the periods picked, once they make an interval. */
  private int periodCount;

  private String reason;
  private boolean offCampus;
  private String destination;
  private String contact;
  private transient List<Part> files = new ArrayList<>();
  private List<LeaveType> types = List.of();

  /** Sent again after 驳回 ({@code ?from=}): the earlier request, its reason and attachments. */
  private Long from;

  private String fromWords;
  private String fromReason;
  private List<AttachmentStore.Info> earlierFiles = List.of();
  private Map<Long, Boolean> keep = new HashMap<>();
  private Map<String, String> problems = new LinkedHashMap<>();

  @PostConstruct
  void init() {
    token = UUID.randomUUID().toString();
    types = catalog.types().stream().filter(LeaveType::enabled).toList();
    if (!types.isEmpty()) {
      typeCode = types.get(0).code();
    }
    String f =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("from");
    if (f != null) {
      try {
        prefill(Long.parseLong(f.strip()));
      } catch (NumberFormatException e) {
        // Not a request: an empty form.
      }
    }
  }

  /**
   * {@code ?from=42}: the form filled in with the student's own rejected request 42 — type (while
   * students may still choose it), times (by half days when they fall on them), reason, off campus,
   * destination, contact, and its attachments ticked to be taken along. Anybody else's request, or
   * one not rejected, gives the empty form.
   */
  private void prefill(long id) {
    SignedInUser user = me.get();
    Optional<LeaveRequestRow> found = queries.resubmittable(id, user);
    if (found.isEmpty()) {
      return;
    }
    LeaveRequestRow r = found.get();
    from = r.id();
    if (types.stream().anyMatch(t -> t.code().equals(r.typeCode()))) {
      typeCode = r.typeCode();
    }
    HalfDay sh = halfStarting(r.start());
    HalfDay eh = halfEnding(r.end());
    if (sh != null && eh != null) {
      startDate = r.start().toLocalDate().toString();
      startHalf = sh.name();
      endDate = r.end().toLocalDate().toString();
      endHalf = eh.name();
    } else {
      start = LOCAL.format(r.start());
      end = LOCAL.format(r.end());
    }
    reason = r.reason();
    offCampus = r.offCampus();
    destination = r.destination();
    contact = r.emergencyContact();
    fromWords = LeaveTexts.shortTime(r.start()) + " ~ " + LeaveTexts.shortTime(r.end());
    fromReason =
        queries
            .detail(id, user)
            .flatMap(
                d ->
                    d.steps().stream()
                        .filter(s -> s.status() == StepStatus.REJECTED && s.comment() != null)
                        .map(StepRow::comment)
                        .findFirst())
            .orElse(null);
    earlierFiles = queries.attachmentsOf(id);
    keep = new HashMap<>();
    for (AttachmentStore.Info a : earlierFiles) {
      keep.put(a.id(), Boolean.TRUE);
    }
  }

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private static HalfDay halfStarting(LocalDateTime t) {
    for (HalfDay h : HalfDay.values()) {
      if (h.startOn(t.toLocalDate()).equals(t)) {
        return h;
      }
    }
    return null;
  }

  private static HalfDay halfEnding(LocalDateTime t) {
    for (HalfDay h : HalfDay.values()) {
      if (h.endOn(t.toLocalDate()).equals(t)) {
        return h;
      }
    }
    return null;
  }

  /** The earlier request's attachments the student keeps ticked (only those this form listed). */
  private List<Long> kept() {
    return earlierFiles.stream()
        .map(AttachmentStore.Info::id)
        .filter(a -> Boolean.TRUE.equals(keep.get(a)))
        .toList();
  }

  /** Ajax: the checks that need no file, as the student types; and the classes it misses. */
  public void check() {
    problems = new LinkedHashMap<>();
    missed = MissedClassList.NONE;
    LeaveForm form = form(0);
    if (form == null) {
      return;
    }
    if (form.start() != null && form.end() != null) {
      SignedInUser u = me.get();
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long cpu = threads.getCurrentThreadCpuTime();
      long started = System.nanoTime();
      missed = missedClasses.of(u.account(), u.classCode(), form.start(), form.end());
      serverTiming(
          System.nanoTime() - started, Math.max(0, threads.getCurrentThreadCpuTime() - cpu));
    }
    List<FieldProblem> found = submissions.check(me.get(), form);
    LeaveTexts t = LeaveTexts.ofView();
    for (FieldProblem p : found) {
      // Not yet filled in is not worth a red line while typing; the submit says so.
      if (p.key().endsWith("Missing") || p.field().equals("attachments")) {
        continue;
      }
      problems.putIfAbsent(p.field(), t.get(p.key(), p.args().toArray()));
    }
  }

  /**
   * Development mode only: how long the classes-missed computation took on the server, as a {@code
   * Server-Timing} header of the Ajax answer ({@code missed;dur=1.84, missed-cpu;dur=1.20}: elapsed
   * and the request thread's CPU, milliseconds), which {@code bench/attendance.sh} reads.
   * Production says nothing of its timings.
   */
  private void serverTiming(long nanos, long cpuNanos) {
    if (settings.isDevMode()) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .addResponseHeader(
              "Server-Timing",
              String.format(
                  Locale.ROOT,
                  "missed;dur=%.2f, missed-cpu;dur=%.2f",
                  nanos / 1e6,
                  cpuNanos / 1e6));
    }
  }

  public String submit() {
    problems = new LinkedHashMap<>();
    LeaveTexts t = LeaveTexts.ofView();
    List<NewAttachment> attachments = readFiles(t);
    List<Long> keptFiles = kept();
    LeaveForm form = form(attachments.size() + keptFiles.size());
    if (form == null || !problems.isEmpty()) {
      if (form != null) {
        // A refused file does not hide what else is wrong: every message at once, beside its field.
        for (FieldProblem p : submissions.check(me.get(), form)) {
          if (!p.field().equals("attachments")) {
            problems.putIfAbsent(p.field(), t.get(p.key(), p.args().toArray()));
          }
        }
      }
      fix(t);
      return null;
    }
    SignedInUser user = me.get();
    SubmitResult result = submissions.submit(user, form, attachments, token, from, keptFiles);
    if (result.refused()) {
      for (FieldProblem p : result.problems()) {
        problems.putIfAbsent(p.field(), t.get(p.key(), p.args().toArray()));
      }
      fix(t);
      return null;
    }
    return "request.xhtml?faces-redirect=true&id="
        + result.requestId()
        + (result.created() ? "&new=1" : "&again=1");
  }

  private void fix(LeaveTexts t) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, t.get("leave.apply.fix"), null));
  }

  /**
   * The chosen files, each checked by size, content and (photos) pixels before anything decodes it.
   * The container's copies of the parts (temporary files beyond 1 MB) are deleted as soon as they
   * are read: nothing of a refused submit stays on disk, and an accepted one is stored only in the
   * database, with its request.
   */
  private List<NewAttachment> readFiles(LeaveTexts t) {
    List<NewAttachment> out = new ArrayList<>();
    List<Part> parts =
        files == null
            ? List.of()
            : files.stream().filter(p -> p != null && p.getSize() > 0).toList();
    try {
      if (parts.size() > AttachmentKind.MAX_FILES) {
        problems.put("attachments", t.get("leave.error.tooManyFiles", AttachmentKind.MAX_FILES));
        return out;
      }
      for (Part p : parts) {
        String name = p.getSubmittedFileName() == null ? "file" : p.getSubmittedFileName();
        if (p.getSize() > AttachmentKind.MAX_BYTES) {
          problems.put(
              "attachments",
              t.get("leave.error.fileTooBig", name, AttachmentKind.MAX_BYTES / 1024 / 1024));
          continue;
        }
        byte[] bytes;
        try (InputStream in = p.getInputStream()) {
          bytes = in.readNBytes(AttachmentKind.MAX_BYTES + 1);
        } catch (IOException e) {
          problems.put("attachments", t.get("leave.outcome.failed"));
          continue;
        }
        var kind = AttachmentKind.sniff(bytes);
        if (kind.isEmpty()) {
          problems.put("attachments", t.get("leave.error.fileType", name));
          continue;
        }
        var pixels = AttachmentKind.pixelProblem(name, bytes);
        if (pixels.isPresent()) {
          problems.put("attachments", t.get(pixels.get().key(), pixels.get().args().toArray()));
          continue;
        }
        out.add(new NewAttachment(name, kind.get(), bytes));
      }
      return out;
    } finally {
      deleteParts();
    }
  }

  private void deleteParts() {
    if (files != null) {
      for (Part p : files) {
        try {
          if (p != null) {
            p.delete();
          }
        } catch (IOException | RuntimeException e) {
          // The container removes it at the end of the request anyway.
        }
      }
      files = new ArrayList<>();
    }
  }

  /** The form as typed; null (with the problems noted) when a time cannot be read. */
  private LeaveForm form(int attachments) {
    LocalDateTime s = startTime(true);
    LocalDateTime e = endTime(true);
    if (problems.containsKey("start")
        || problems.containsKey("end")
        || problems.containsKey("periods")) {
      return null;
    }
    return new LeaveForm(typeCode, s, e, reason, offCampus, destination, contact, attachments);
  }

  /** 按节: the interval of the periods picked, or null (with the reason noted beside the field). */
  private LeaveMissedClasses.Interval byPeriods(boolean note) {
    LocalDate d = parseDate("periods", periodDate, note);
    Integer first = period(firstPeriod);
    Integer last = period(lastPeriod);
    if (d == null || first == null || last == null) {
      if (d != null && note) {
        problems.putIfAbsent("periods", LeaveTexts.ofView().get("leave.error.badTime"));
      }
      return null;
    }
    SignedInUser u = me.get();
    LeaveMissedClasses.ByPeriods b =
        missedClasses.byPeriods(u.account(), u.classCode(), d, first, last);
    if (b instanceof LeaveMissedClasses.Refused r) {
      if (note) {
        problems.putIfAbsent(
            "periods", r.text(cn.edu.ntvu.workbench.platform.web.BundleText.viewLocale()));
      }
      return null;
    }
    return (LeaveMissedClasses.Interval) b;
  }

  private static Integer period(String v) {
    if (blank(v)) {
      return null;
    }
    try {
      return Integer.valueOf(v.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private boolean byPeriodsPicked() {
    return !blank(periodDate);
  }

  /** The start as picked: by half days when a start date is there, else the date and time typed. */
  private LocalDateTime startTime(boolean note) {
    if (byPeriodsPicked()) {
      LeaveMissedClasses.Interval i = byPeriods(note);
      periodCount = i == null ? 0 : i.periods();
      return i == null ? null : i.start();
    }
    if (!blank(startDate)) {
      LocalDate d = parseDate("start", startDate, note);
      HalfDay h = HalfDay.of(startHalf);
      return d == null || h == null ? badHalf("start", note) : h.startOn(d);
    }
    return parse("start", start, note);
  }

  private LocalDateTime endTime(boolean note) {
    if (byPeriodsPicked()) {
      LeaveMissedClasses.Interval i = byPeriods(false);
      return i == null ? null : i.end();
    }
    if (!blank(endDate)) {
      LocalDate d = parseDate("end", endDate, note);
      HalfDay h = HalfDay.of(endHalf);
      return d == null || h == null ? badHalf("end", note) : h.endOn(d);
    }
    return parse("end", end, note);
  }

  private LocalDateTime badHalf(String field, boolean note) {
    if (note) {
      problems.putIfAbsent(field, LeaveTexts.ofView().get("leave.error.badTime"));
    }
    return null;
  }

  private LocalDate parseDate(String field, String value, boolean note) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException ex) {
      if (note) {
        problems.put(field, LeaveTexts.ofView().get("leave.error.badTime"));
      }
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private LocalDateTime parse(String field, String value, boolean note) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip());
    } catch (DateTimeParseException ex) {
      if (note) {
        problems.put(field, LeaveTexts.ofView().get("leave.error.badTime"));
      }
      return null;
    }
  }

  /** "1.5 天", "0.5 天（3 小时）" for what is picked now; a dash while it cannot be computed. */
  public String getDuration() {
    LocalDateTime s = startTime(false);
    LocalDateTime e = endTime(false);
    if (s == null || e == null) {
      return LeaveTexts.ofView().get("leave.duration.none");
    }
    LeaveDuration d = LeaveDuration.between(s, e);
    if (d.isZero()) {
      return LeaveTexts.ofView().get("leave.duration.none");
    }
    String days = LeaveTexts.ofView().duration(d);
    return byPeriodsPicked() && periodCount > 0
        ? LeaveTexts.ofView().get("leave.duration.withPeriods", days, periodCount)
        : days;
  }

  /** The classes the picked time misses (empty: nothing is shown). */
  public MissedClassList getMissed() {
    return missed;
  }

  /** 按节: the periods the picked day has (1–12 until a day with period times is picked). */
  public List<Integer> getPeriodChoices() {
    int n = 12;
    if (!blank(periodDate)) {
      try {
        int c = missedClasses.periodCountOn(LocalDate.parse(periodDate.strip()));
        n = c > 0 ? c : n;
      } catch (DateTimeParseException e) {
        // The field's own message says so.
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(i);
    }
    return out;
  }

  /** Which picker the page opens with: "periods", "half" or "time". */
  public String getPrecision() {
    if (byPeriodsPicked()) {
      return "periods";
    }
    return isByHalfDays() ? "half" : "time";
  }

  public String getPeriodDate() {
    return periodDate;
  }

  public void setPeriodDate(String v) {
    this.periodDate = v;
  }

  public String getFirstPeriod() {
    return firstPeriod;
  }

  public void setFirstPeriod(String v) {
    this.firstPeriod = v;
  }

  public String getLastPeriod() {
    return lastPeriod;
  }

  public void setLastPeriod(String v) {
    this.lastPeriod = v;
  }

  /** True when the form shows the half-day picker: unless a time was typed and no date picked. */
  public boolean isByHalfDays() {
    return !blank(startDate) || !blank(endDate) || (blank(start) && blank(end));
  }

  public Long getFrom() {
    return from;
  }

  public String getFromWords() {
    return fromWords;
  }

  public String getFromReason() {
    return fromReason;
  }

  public List<AttachmentStore.Info> getEarlierFiles() {
    return earlierFiles;
  }

  public Map<Long, Boolean> getKeep() {
    return keep;
  }

  public String problem(String field) {
    return problems.get(field);
  }

  public Map<String, String> getProblems() {
    return problems;
  }

  public int getMaxFiles() {
    return AttachmentKind.MAX_FILES;
  }

  public int getMaxMegabytes() {
    return AttachmentKind.MAX_BYTES / 1024 / 1024;
  }

  public int getReasonMax() {
    return LeaveForm.REASON_MAX;
  }

  public List<LeaveType> getTypes() {
    return types;
  }

  public String getToken() {
    return token;
  }

  /**
   * The token travels with the form (a hidden field): a post re-sent after its view was gone from
   * the session still names the request it already made. Only the shape of a token is taken.
   */
  public void setToken(String token) {
    if (token != null && token.matches("[0-9a-f-]{36}")) {
      this.token = token;
    }
  }

  public String getTypeCode() {
    return typeCode;
  }

  public void setTypeCode(String typeCode) {
    this.typeCode = typeCode;
  }

  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String end) {
    this.end = end;
  }

  public String getStartDate() {
    return startDate;
  }

  public void setStartDate(String startDate) {
    this.startDate = startDate;
  }

  public String getStartHalf() {
    return startHalf;
  }

  public void setStartHalf(String startHalf) {
    this.startHalf = startHalf;
  }

  public String getEndDate() {
    return endDate;
  }

  public void setEndDate(String endDate) {
    this.endDate = endDate;
  }

  public String getEndHalf() {
    return endHalf;
  }

  public void setEndHalf(String endHalf) {
    this.endHalf = endHalf;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public boolean isOffCampus() {
    return offCampus;
  }

  public void setOffCampus(boolean offCampus) {
    this.offCampus = offCampus;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String contact) {
    this.contact = contact;
  }

  public List<Part> getFiles() {
    return files;
  }

  public void setFiles(List<Part> files) {
    this.files = files;
  }
}
