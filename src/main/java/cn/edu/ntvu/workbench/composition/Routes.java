package cn.edu.ntvu.workbench.composition;

import static cn.edu.ntvu.workbench.composition.Access.ADMIN;
import static cn.edu.ntvu.workbench.composition.Access.DEV_ONLY;
import static cn.edu.ntvu.workbench.composition.Access.PUBLIC;
import static cn.edu.ntvu.workbench.composition.Access.SIGNED_IN;
import static cn.edu.ntvu.workbench.composition.Access.STAFF;
import static cn.edu.ntvu.workbench.composition.Access.STUDENTS;

import cn.edu.ntvu.workbench.platform.security.Role;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The route policy table: every path the application serves, who may reach it, and what may be
 * posted to it. The route guard ({@link RouteGuardFilter}) enforces it on the container's decoded
 * path, and answers 404 for any path not in it; {@code RouteMatrixIT} finds every view, servlet and
 * REST resource of the packaged WAR and fails when one has no line here, then checks each line as
 * every role.
 *
 * <p>A line decides only who may reach the route. What a person may do with a particular object
 * (their own leave request, a form they own, a class they look after) is the application service's
 * decision, and role-scoped pages check their role again in their bean and service ({@code
 * identity.application.Requires}).
 *
 * <p>Adding a page: add its line here, in its context's block, with the narrowest access that works
 * and every action its POSTs can run.
 */
public final class Routes {
  private Routes() {}

  private static Route view(String path, Access access, String what, String... actions) {
    return new Route(
        path,
        access,
        actions.length == 0 ? Route.READ : Route.READ_WRITE,
        List.of(actions),
        path,
        what);
  }

  private static Route read(String path, Access access, String what) {
    return new Route(path, access, Route.READ, List.of(), path, what);
  }

  private static Route endpoint(
      String path, Access access, Set<String> methods, String what, String... actions) {
    return new Route(path, access, methods, List.of(actions), path.replace("*", ""), what);
  }

  /**
   * The whole table, grouped by context; the order is for readers (lookups take the most specific
   * line).
   */
  public static final List<Route> TABLE =
      List.of(
          // — sign-in and the public edge —
          endpoint(
              "/login", PUBLIC, Route.READ, "start sign-in: WeCom OAuth inside WeCom, else CAS"),
          endpoint("/login/cas", PUBLIC, Route.READ, "pac4j: redirect to the CAS login page"),
          endpoint(
              "/login/wecom", PUBLIC, Route.READ, "WeCom OAuth start (state bound to the session)"),
          endpoint(
              "/login/wecom/callback",
              PUBLIC,
              Route.READ,
              "WeCom OAuth callback: state and code checked"),
          endpoint(
              "/callback",
              PUBLIC,
              Route.READ_WRITE,
              "CAS callback (ticket validated) and back-channel logout",
              "cas-logout"),
          endpoint(
              "/logout",
              PUBLIC,
              Route.READ_WRITE,
              "GET: a page with one button; POST: signs out",
              "logout"),
          read("/signed-out.xhtml", PUBLIC, "after sign-out"),
          read("/error.xhtml", PUBLIC, "the error page (reference id only)"),
          endpoint(
                  "/resources/*",
                  PUBLIC,
                  Route.READ,
                  "our assets (theme, scripts, icons, uploaded tile icons)")
              .sample("/resources/workbench/theme.css"),
          endpoint("/jakarta.faces.resource/*", PUBLIC, Route.READ, "Faces and PrimeFaces assets")
              .sample("/jakarta.faces.resource/faces.js.xhtml?ln=jakarta.faces"),
          endpoint("/favicon.ico", PUBLIC, Route.READ, "browsers ask for it; nothing is there"),
          endpoint(
              "/health/ready",
              PUBLIC,
              Route.READ,
              "readiness for the load balancer: UP or DOWN, no details"),
          endpoint(
                  "/WW_verify_*",
                  PUBLIC,
                  Route.READ,
                  "WeCom's domain verification file (filter serves it)")
              .sample("/WW_verify_abcdef.txt"),
          endpoint(
              "/wecom/callback",
              PUBLIC,
              Route.READ_WRITE,
              "WeCom callback: signature and decryption checked, each message handled once",
              "wecom-callback"),
          endpoint(
                  "/calendar/*",
                  PUBLIC,
                  Route.READ,
                  "calendar feed: the token in the path is the credential")
              .sample("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics"),
          // — the workbench home and one's own account —
          read("/", SIGNED_IN, "the workbench home (HomeServlet): tiles visible to the person"),
          read("/index.xhtml", SIGNED_IN, "the workbench home under its file name"),
          read(
                  "/search",
                  SIGNED_IN,
                  "the workbench search (SearchServlet, issue 21): the person's own tiles and things;"
                      + " GET only, changes nothing")
              .sample("/search?q=qj"),
          endpoint(
                  "/go/*",
                  SIGNED_IN,
                  Route.READ,
                  "a tile's entry path: counted, then on to the tile (maintenance: its message)")
              .sample("/go/1"),
          endpoint(
              "/portal/favourites",
              SIGNED_IN,
              Set.of("POST"),
              "the home page's 常用 changes and external tile opens (FavouritesServlet): always the"
                  + " signed-in person's own row, the session's token required, only tiles they see",
              "favourites.pin",
              "favourites.unpin",
              "favourites.up",
              "favourites.down",
              "favourites.order",
              "favourites.opened"),
          view(
              "/account/index.xhtml",
              SIGNED_IN,
              "我的账号: one's own account and WeCom state; staff choose how they hear of leaves",
              "teacherNotices.save",
              "approverDigest.save"),
          endpoint(
                  "/rest/wecom/jssdk/signature",
                  SIGNED_IN,
                  Route.READ,
                  "JS-SDK signatures for pages of this site")
              .sample("/rest/wecom/jssdk/signature?url=http%3A%2F%2Flocalhost%2F"),
          // — 查课表 timetable —
          read("/timetable/index.xhtml", SIGNED_IN, "today: the service shows one's own classes"),
          read(
              "/timetable/week.xhtml",
              SIGNED_IN,
              "a week: one's own, or a class one looks after (service)"),
          read(
                  "/timetable/course.xhtml",
                  SIGNED_IN,
                  "a course meeting the person may see (service)")
              .sample("/timetable/course.xhtml?id=1"),
          view(
              "/timetable/calendar.xhtml",
              SIGNED_IN,
              "one's own calendar subscription",
              "calendarSubscription.turnOn",
              "calendarSubscription.turnOff",
              "calendarSubscription.reset"),
          // — 考勤 attendance —
          view(
                  "/attendance/roll.xhtml",
                  STAFF,
                  "roll call of a meeting occurrence (GET written by RollCallGetFilter, POST by Faces;"
                      + " service: its teachers and admins only)",
                  "rollCall.submit")
              .sample("/attendance/roll.xhtml?term=2026-2027-1&src=ZF&no=1&date=2026-11-23"),
          read(
                  "/attendance/stats.xhtml",
                  Access.roles(Role.COUNSELLOR, Role.DEAN, Role.ADMIN),
                  "考勤统计 of a class one looks after (service: other classes 403)")
              .sample("/attendance/stats.xhtml?class=2401000"),
          read(
                  "/attendance/stats.xlsx",
                  Access.roles(Role.COUNSELLOR, Role.DEAN, Role.ADMIN),
                  "考勤统计 as XLSX (service: other classes 403)")
              .sample("/attendance/stats.xlsx?class=2401000"),
          read("/attendance/mine.xhtml", STUDENTS, "我的考勤: one's own attendance (students)"),
          // — 学生请假 leave —
          read("/leave/index.xhtml", SIGNED_IN, "my requests (students), waiting for me (staff)"),
          view(
              "/leave/apply.xhtml",
              STUDENTS,
              "a student asks for leave (the service refuses staff)",
              "leaveForm.check",
              "leaveForm.submit"),
          view(
                  "/leave/request.xhtml",
                  SIGNED_IN,
                  "one request: its student, its approvers, those who look after the class (service decides)",
                  "leaveDetail.approve",
                  "leaveDetail.reject",
                  "leaveDetail.withdraw",
                  "leaveDetail.reportBack",
                  "leaveDetail.confirmReturn",
                  "leaveDetail.revoke",
                  "leaveDetail.startCancel",
                  "leaveDetail.stopCancel",
                  "leaveDetail.cancelApproved",
                  "extension.start",
                  "extension.stop",
                  "extension.submit",
                  "leaveUrge.urge",
                  // issue 18, item 7: comments (their student and approvers; service checks)
                  "leaveComments.send")
              .sample("/leave/request.xhtml?id=1"),
          read(
                  "/leave/attachment",
                  SIGNED_IN,
                  "an attachment of a request the person may see (service)")
              .sample("/leave/attachment?id=1"),
          // 转审 / 加签 (issue 18 items 2–3): the page refuses students; the service lets only a
          // pending seat holder of the open step act.
          view(
                  "/leave/handover.xhtml",
                  STAFF,
                  "转审 / 加签: an approver of the open step hands it over or adds an approver (service decides)",
                  "handOver.submit")
              .sample("/leave/handover.xhtml?id=1"),
          view(
              "/leave/approvals.xhtml",
              STAFF,
              "待我审批: steps waiting for this approver",
              "approvals.approveOne",
              "approvals.approveTicked"),
          read(
                  "/leave/decided.xhtml",
                  STAFF,
                  "已处理: the requests this approver decided, newest first, paged (query by the account)")
              .sample("/leave/decided.xhtml?page=1"),
          read(
              "/leave/classes.xhtml",
              Access.roles(Role.COUNSELLOR, Role.DEAN),
              "classes one looks after"),
          read(
              "/leave/export.xlsx",
              Access.roles(Role.COUNSELLOR, Role.DEAN),
              "their requests as XLSX"),
          view(
              "/leave/admin.xhtml",
              ADMIN,
              "routing rules, limits, types of leave",
              "leaveAdmin.save",
              "leaveAdmin.addRule",
              "leaveAdmin.deleteRule",
              "leaveTypes.save",
              "ccAdmin.addLine",
              "ccAdmin.deleteLine",
              "ccAdmin.saveDorm",
              "ccAdmin.saveClassTeacher",
              "ccAdmin.deleteContact",
              "extensionAdmin.add",
              "extensionAdmin.delete",
              // issue 18 (chain): an approver gone from the directory replaced or taken off a step
              "chainAdmin.replace",
              "chainAdmin.remove"),
          // — 抄送 (issue 18 item 4) —
          read(
                  "/leave/cc.xhtml",
                  STAFF,
                  "抄送我的: the requests I was copied on, newest first, paged (query by the account)")
              .sample("/leave/cc.xhtml?page=1"),
          // — issue 18, items 6–7: deputies and quick phrases —
          view(
              "/leave/approver.xhtml",
              STAFF,
              "审批设置: my deputy and my quick phrases; admins: anyone's deputy, phrases for everybody"
                  + " (service: own or admin)",
              "approverSettings.saveDeputy",
              "approverSettings.removeDeputy",
              "approverSettings.addPhrase",
              "approverSettings.removePhrase",
              "approverSettings.addSharedPhrase",
              "approverSettings.removeSharedPhrase"),
          // — 收集表 forms —
          view(
              "/forms/index.xhtml",
              SIGNED_IN,
              "forms asking me; staff: my forms and 新建 (service: staff only)",
              "formsHome.create"),
          view(
                  "/forms/fill.xhtml",
                  SIGNED_IN,
                  "fill a form one is asked (service: audience only)",
                  "formFill.saveDraft",
                  "formFill.saveDraftNow",
                  "formFill.startEditing",
                  "formFill.submit")
              .sample("/forms/fill.xhtml?id=1"),
          view(
                  "/forms/edit.xhtml",
                  STAFF,
                  "build a form (service: owners and co-owners only)",
                  "formEdit.saveSettings",
                  "formEdit.saveQuestion",
                  "formEdit.delete",
                  "formEdit.up",
                  "formEdit.down",
                  "formEdit.addAudience",
                  "formEdit.removeAudience",
                  "formEdit.saveCoOwners",
                  "formEdit.saveDeadline",
                  "formEdit.publish",
                  "formEdit.close",
                  "formEdit.archive",
                  "formEdit.copy")
              .sample("/forms/edit.xhtml?id=1"),
          view(
                  "/forms/results.xhtml",
                  STAFF,
                  "results of a form (service: owners and co-owners only)",
                  "formResults.remind")
              .sample("/forms/results.xhtml?id=1"),
          read("/forms/export.xlsx", STAFF, "answers as XLSX (service: owners only)")
              .sample("/forms/export.xlsx?id=1"),
          read("/forms/export.csv", STAFF, "answers as CSV (service: owners only)")
              .sample("/forms/export.csv?id=1"),
          read(
                  "/forms/export-link",
                  STAFF,
                  "a 5-minute signed link to the export, for WeCom's file preview (service: owners only)")
              .sample("/forms/export-link?id=1&format=xlsx"),
          endpoint(
                  "/forms/signed.xlsx",
                  PUBLIC,
                  Route.READ,
                  "the export through a signed link: the link is the credential (owner, form, format,"
                      + " 5 minutes); else 403/410 and one sentence")
              .sample("/forms/signed.xlsx?t=1.1.1.AAAA"),
          endpoint(
                  "/forms/signed.csv",
                  PUBLIC,
                  Route.READ,
                  "the CSV export through a signed link (as /forms/signed.xlsx)")
              .sample("/forms/signed.csv?t=1.1.1.AAAA"),
          read(
                  "/forms/file",
                  SIGNED_IN,
                  "an uploaded answer file (service: owners and the uploader)")
              .sample("/forms/file?id=1"),
          // — 通知 notices —
          view(
              "/notices/index.xhtml",
              SIGNED_IN,
              "notices sent to me (unread first); staff: the ones I send and 新建 (service: staff only)",
              "noticesHome.create"),
          view(
                  "/notices/view.xhtml",
                  SIGNED_IN,
                  "read a notice, 我已知晓 (service: recipients, and senders as a preview)",
                  "noticeView.confirm")
              .sample("/notices/view.xhtml?id=1"),
          view(
                  "/notices/edit.xhtml",
                  STAFF,
                  "compose a notice (service: sender and co-senders only)",
                  "noticeEdit.save",
                  "noticeEdit.send",
                  "noticeEdit.unschedule",
                  "noticeEdit.addAudience",
                  "noticeEdit.addPicked",
                  "noticeEdit.uploadImages",
                  "noticeEdit.uploadFiles",
                  "noticeEdit.removeFile",
                  "noticeEdit.removeAudience",
                  "noticeEdit.saveCoSenders",
                  "noticeEdit.saveEdit")
              .sample("/notices/edit.xhtml?id=1"),
          view(
                  "/notices/results.xhtml",
                  STAFF,
                  "who has read and confirmed a notice (service: sender and co-senders only)",
                  "noticeResults.remind",
                  "noticeResults.recall")
              .sample("/notices/results.xhtml?id=1"),
          read(
                  "/notices/file",
                  SIGNED_IN,
                  "an image or file of a notice (service: its recipients, sender and co-senders)")
              .sample("/notices/file?id=1"),
          read("/notices/export.xlsx", STAFF, "read list as XLSX (service: senders only)")
              .sample("/notices/export.xlsx?id=1"),
          read("/notices/export.csv", STAFF, "read list as CSV (service: senders only)")
              .sample("/notices/export.csv?id=1"),
          // — admin: the directory, the timetable, the workbench, WeCom, the audit log —
          view(
              "/admin/directory/people.xhtml",
              ADMIN,
              "the directory, masked; who may publish 收集表 to anyone",
              "permissionGrants.grant",
              "permissionGrants.revoke"),
          view(
              "/admin/directory/import.xhtml",
              ADMIN,
              "directory import: preview, confirm",
              "directoryImport.previewUpload",
              "directoryImport.confirm",
              "directoryImport.reset"),
          view(
              "/admin/timetable/import.xhtml",
              ADMIN,
              "timetable import: preview, confirm",
              "timetableImport.previewUpload",
              "timetableImport.confirm",
              "timetableImport.reset"),
          endpoint("/admin/timetable/sample/*", ADMIN, Route.READ, "sample import files")
              .sample("/admin/timetable/sample/zhengfang.csv"),
          view(
              "/admin/workbench/tiles.xhtml",
              ADMIN,
              "tiles: add, edit, order, icons",
              "tileAdmin.save",
              "tileAdmin.delete",
              "tileAdmin.moveUp",
              "tileAdmin.moveDown",
              "tileAdmin.uploadIcon"),
          view(
              "/admin/attendance.xhtml",
              ADMIN,
              "考勤设置: the alert ratio and the edit window (service: admins only)",
              "attendanceSettings.save"),
          read("/admin/workbench/preview.xhtml", ADMIN, "the home page as another person sees it"),
          view(
              "/admin/workbench/favourites.xhtml",
              ADMIN,
              "default 常用 rows per role and kind of person (audited)",
              "favouriteDefaults.show",
              "favouriteDefaults.add",
              "favouriteDefaults.up",
              "favouriteDefaults.down",
              "favouriteDefaults.remove"),
          view(
              "/admin/workbench/transfer.xhtml",
              ADMIN,
              "import of a tiles file",
              "tileTransfer.preview",
              "tileTransfer.confirm"),
          read("/admin/workbench/tiles.json", ADMIN, "export of the tiles"),
          view(
              "/admin/workbench/native.xhtml",
              ADMIN,
              "WeCom's own tile: the keydata template (up to 4 badge numbers), set at WeCom",
              "nativeTileAdmin.save"),
          view(
              "/admin/workbench/banners.xhtml",
              ADMIN,
              "home page banners: publish for an audience, take down",
              "bannerAdmin.publish",
              "bannerAdmin.end"),
          read(
              "/admin/workbench/launches.xhtml",
              ADMIN,
              "launch figures: opens and unique people per tile, chart"),
          read("/admin/workbench/launches.csv", ADMIN, "launch figures as CSV"),
          endpoint(
              "/admin/audit.xhtml",
              ADMIN,
              Route.READ_WRITE,
              "the audit log (its lazy table posts to page, sort and filter; changes nothing)"),
          read("/admin/audit.csv", ADMIN, "the audit log as CSV"),
          view(
              "/admin/wecom/contacts.xhtml",
              ADMIN,
              "contacts sync: dry run, confirm, full reconcile",
              "contactsPage.dryRun",
              "contactsPage.confirm",
              "contactsPage.fullReconcile"),
          view(
              "/admin/wecom/contacts-report.xhtml",
              ADMIN,
              "who is not in WeCom, conflicts; re-sync one",
              "contactsReport.resync"),
          read("/admin/wecom/contacts-report.csv", ADMIN, "the report as CSV"),
          view(
              "/admin/wecom/outbox.xhtml",
              ADMIN,
              "WeCom messages: failed ones retried",
              "outboxPage.retrySelected",
              "outboxPage.retryAll"),
          view(
              "/admin/wecom/setup.xhtml",
              ADMIN,
              "what to paste into WeCom; the verification file",
              "wecomSetup.uploadFile"),
          // — development only (404 in production) —
          read(
              "/dev/style.xhtml",
              DEV_ONLY,
              "the living style page of the theme: buttons, numbers, form rows, tables, chips, toasts"),
          // — the in-container tests' runner, which only their Arquillian deployment holds (404 in
          // production) —
          endpoint(
                  "/ArquillianServletRunner*",
                  DEV_ONLY,
                  Route.READ_WRITE,
                  "Arquillian's in-container test runner")
              .sample("/ArquillianServletRunnerEE9"));

  private static final Map<String, Route> EXACT = new HashMap<>();
  private static final List<Route> PREFIXES;

  static {
    for (Route r : TABLE) {
      if (!r.isPrefix() && EXACT.put(r.pattern(), r) != null) {
        throw new IllegalStateException("two lines for " + r.pattern());
      }
    }
    PREFIXES =
        TABLE.stream()
            .filter(Route::isPrefix)
            .sorted(Comparator.comparingInt((Route r) -> r.pattern().length()).reversed())
            .toList();
  }

  /**
   * The line for {@code path} (decoded, canonical): the exact one, else the longest prefix; empty
   * if none.
   */
  public static Optional<Route> find(String path) {
    Route exact = EXACT.get(path);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Route r : PREFIXES) {
      if (r.matches(path)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
