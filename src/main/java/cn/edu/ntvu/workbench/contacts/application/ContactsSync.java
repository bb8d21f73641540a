package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.contacts.domain.BatchJob;
import cn.edu.ntvu.workbench.contacts.domain.Change;
import cn.edu.ntvu.workbench.contacts.domain.ContactsDiff;
import cn.edu.ntvu.workbench.contacts.domain.ContactsPlan;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import cn.edu.ntvu.workbench.contacts.domain.ReplaceFiles;
import cn.edu.ntvu.workbench.contacts.domain.Target;
import cn.edu.ntvu.workbench.contacts.domain.WeComDepartment;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.wecom.domain.WeComApiException;
import cn.edu.ntvu.workbench.wecom.domain.WeComConfigurationException;
import cn.edu.ntvu.workbench.wecom.domain.WeComException;
import cn.edu.ntvu.workbench.wecom.domain.WeComRateLimitedException;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The incremental contacts sync (docs/wecom-api.md §6):
 *
 * <ol>
 *   <li><b>Dry run</b> ({@link #plan}): read what WeCom has ({@code department/simplelist}, {@code
 *       user/list_id}), diff it against the directory, store the plan as a run of items with its
 *       conflicts. Nothing is sent.
 *   <li><b>Confirm</b>: an admin confirms; only one run is active at a time.
 *   <li><b>Work</b> ({@link #work}): any server claims the run (row lock, lease) and sends the
 *       items in order, each outcome written with the claim, so a run interrupted by a crash or
 *       restart is taken over when the lease runs out and goes on from the first item not recorded.
 *       An item sent but not recorded is sent again: creating a member or department that exists
 *       (60102, 60008) becomes an update, deleting one that is gone (60111, 60003) counts as done —
 *       so a re-run makes no duplicates. 45009 pauses the run for WeCom's blocking window (60 s by
 *       default); WeCom unreachable or still busy pauses it 30 s (the item is tried again, at most
 *       5 times); 48002, 60020 and secret errors pause it 10 minutes with the reason shown. Any
 *       other errcode fails that item only.
 * </ol>
 */
@ApplicationScoped
public class ContactsSync {
  private static final Logger LOG = Logger.getLogger(ContactsSync.class.getName());
  static final int CHUNK = 100;
  static final int MAX_ATTEMPTS = 5;
  static final Duration UNAVAILABLE_PAUSE = Duration.ofSeconds(30);
  static final Duration CONFIGURATION_PAUSE = Duration.ofMinutes(10);
  public static final String INCREMENTAL = "INCREMENTAL";
  public static final String ONE = "ONE";
  public static final String FULL = "FULL";
  static final String BATCH = "BATCH";
  static final Duration JOB_POLL = Duration.ofSeconds(1);
  static final Duration JOB_TIMEOUT = Duration.ofMinutes(30);

  @Inject SyncRuns runs;
  @Inject ContactStates states;

  @Inject DirectoryForSync directory;

  @Inject WeComContactsProvider contactsApi;

  @Inject ContactsSettings settings;

  @Inject Clock clock;

  /** Whether the contacts-sync secret is configured (without it nothing can be read or sent). */
  public boolean configured() {
    return contactsApi.get().isPresent();
  }

  /**
   * The dry run: reads WeCom and the directory, stores the plan. Throws {@link WeComException} when
   * WeCom cannot be read, {@link SyncBusyException} while another run is active, {@link
   * IllegalStateException} when the secret is not configured.
   */
  @Requires(roles = Role.ADMIN)
  public long plan(AuditActor actor) {
    requireIdle();
    ContactsPlan plan = computePlan();
    return runs.createRun(INCREMENTAL, actor, plan, directory.read().details(), now());
  }

  /** The plan without storing it (the benchmark's figure, and for tests). */
  public ContactsPlan computePlan() {
    WeComContacts api = api();
    Map<Long, Long> departments = new HashMap<>();
    for (WeComDepartment d : api.departments()) {
      departments.put(d.id(), d.parentId());
    }
    Map<String, List<Long>> members = api.allUserDepartments();
    DirectoryForSync.Snapshot snapshot = directory.read();
    return ContactsDiff.plan(
        snapshot.departments(),
        snapshot.members(),
        new ContactsDiff.WeComState(departments, members),
        states.memory());
  }

  /**
   * The full reconcile for term start (§6.4): the directory as two CSV files, {@code replaceparty}
   * then {@code replaceuser}, stored as a run of two batch items for an admin to confirm. Conflicts
   * are left out of the files as in the incremental plan. Refused with {@link SafetyStopException}
   * when replaceuser would delete so many members that WeCom would stop the import.
   */
  @Requires(roles = Role.ADMIN)
  public long planFull(AuditActor actor) {
    requireIdle();
    WeComContacts api = api();
    Map<Long, Long> departments = new HashMap<>();
    for (WeComDepartment d : api.departments()) {
      departments.put(d.id(), d.parentId());
    }
    Map<String, List<Long>> members = api.allUserDepartments();
    DirectoryForSync.Snapshot snapshot = directory.read();
    ContactsDiff.Memory memory = states.memory();
    ContactsPlan incremental =
        ContactsDiff.plan(
            snapshot.departments(),
            snapshot.members(),
            new ContactsDiff.WeComState(departments, members),
            memory);
    ReplaceFiles.Files files =
        ReplaceFiles.build(snapshot.departments(), snapshot.members(), memory, incremental);
    ReplaceFiles.Deletions deletions =
        ReplaceFiles.deletions(members.keySet(), files.memberFingerprints().keySet());
    if (deletions.stopped()) {
      throw new SafetyStopException(deletions.deleting(), deletions.members());
    }
    JsonObjectBuilder prints = Jsons.createObjectBuilder();
    files.memberFingerprints().forEach(prints::add);
    JsonObjectBuilder ids = Jsons.createObjectBuilder();
    files.departmentIds().forEach(ids::add);
    JsonObjectBuilder departmentPrints = Jsons.createObjectBuilder();
    files.departmentFingerprints().forEach(departmentPrints::add);
    List<Change> steps =
        List.of(
            new Change(
                Target.DEPARTMENT,
                Change.Action.UPDATE,
                "replaceparty",
                "batch/replaceparty",
                null,
                null,
                null,
                List.of()),
            new Change(
                Target.MEMBER,
                Change.Action.UPDATE,
                "replaceuser",
                "batch/replaceuser",
                null,
                null,
                null,
                List.of()));
    ContactsPlan plan = new ContactsPlan(steps, incremental.conflicts(), Map.of());
    long runId =
        runs.createRun(
            FULL,
            actor,
            plan,
            Map.of("replaceuser", deletions.deleting() + "/" + deletions.members()),
            now());
    runs.setBatchPayload(
        runId,
        1,
        Jsons.createObjectBuilder()
            .add("csv", files.partyCsv())
            .add("ids", ids)
            .add("prints", departmentPrints)
            .build()
            .toString());
    runs.setBatchPayload(
        runId,
        2,
        Jsons.createObjectBuilder()
            .add("csv", files.userCsv())
            .add("prints", prints)
            .build()
            .toString());
    return runId;
  }

  /**
   * Re-syncs one person in one tap: the departments they need and their own change, confirmed at
   * once.
   */
  @Requires(roles = Role.ADMIN)
  public Optional<Long> resyncOne(String account, AuditActor actor) {
    requireIdle();
    ContactsPlan full = computePlan();
    List<Change> changes =
        full.changes().stream()
            .filter(
                c ->
                    c.key().equals(account)
                        || (c.target() == Target.DEPARTMENT && c.action() != Change.Action.DELETE))
            .toList();
    if (changes.stream().noneMatch(c -> c.key().equals(account))) {
      return Optional.empty();
    }
    ContactsPlan one =
        new ContactsPlan(
            changes,
            full.conflicts().stream().filter(c -> c.key().equals(account)).toList(),
            full.newDepartmentIds());
    long runId = runs.createRun(ONE, actor, one, directory.read().details(), now());
    return runs.confirm(runId, actor, now()) ? Optional.of(runId) : Optional.empty();
  }

  @Requires(roles = Role.ADMIN)
  public boolean confirm(long runId, AuditActor actor) {
    return runs.confirm(runId, actor, now());
  }

  /**
   * Works on the active run if its lease is free; returns true when it did something. Called by the
   * background runner on every server; the claim makes one of them work at a time.
   */
  public boolean work(String owner) {
    return work(owner, now());
  }

  /**
   * As {@link #work(String)}, as if started at {@code startedAt} (school clock): tests play a lease
   * running out.
   */
  public boolean work(String owner, LocalDateTime startedAt) {
    Optional<SyncRuns.Claim> claimed =
        runs.claim(owner, startedAt, startedAt.plus(settings.lease()));
    if (claimed.isEmpty()) {
      return false;
    }
    SyncRuns.Claim claim = claimed.get();
    Optional<WeComContacts> api = contactsApi.get();
    if (api.isEmpty()) {
      runs.pause(claim, now().plus(CONFIGURATION_PAUSE), "contacts.note.not-configured");
      return true;
    }
    while (true) {
      List<SyncRuns.Pending> items = runs.pending(claim.runId(), CHUNK);
      if (items.isEmpty()) {
        runs.finish(claim, now(), null);
        return true;
      }
      for (SyncRuns.Pending item : items) {
        if (FULL.equals(claim.kind())) {
          if (!sendBatch(claim, api.get(), item)) {
            return true;
          }
          continue;
        }
        if (!send(claim, api.get(), item)) {
          return true;
        }
      }
    }
  }

  /**
   * Sends one item and records its outcome; false when the run must stop here (paused or lease
   * lost).
   */
  private boolean send(SyncRuns.Claim claim, WeComContacts api, SyncRuns.Pending item) {
    try {
      Runnable remember = call(api, item);
      return recorded(claim, item, SyncItem.DONE, 0, null, remember);
    } catch (WeComRateLimitedException e) {
      runs.pause(claim, now().plus(settings.rateLimitWait()), "contacts.note.rate-limited");
      return false;
    } catch (WeComConfigurationException e) {
      runs.pause(claim, now().plus(CONFIGURATION_PAUSE), "contacts.note.errcode:" + e.errcode());
      return false;
    } catch (WeComApiException e) {
      String reason = e.errmsg();
      Runnable remember =
          Target.MEMBER.name().equals(item.target())
              ? () -> states.memberFailed(item.key(), e.errcode(), reason, now())
              : null;
      return recorded(claim, item, SyncItem.FAILED, e.errcode(), reason, remember);
    } catch (WeComUnavailableException e) {
      if (item.attempts() + 1 >= MAX_ATTEMPTS) {
        return recorded(claim, item, SyncItem.FAILED, -1, e.getMessage(), null);
      }
      runs.recordOutcome(claim, item, SyncItem.PENDING, null, null, now(), leaseEnd(), null);
      runs.pause(claim, now().plus(UNAVAILABLE_PAUSE), "contacts.note.unavailable");
      return false;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "contacts sync item " + item.id() + " failed", e);
      return recorded(claim, item, SyncItem.FAILED, null, e.getClass().getSimpleName(), null);
    }
  }

  private boolean recorded(
      SyncRuns.Claim claim,
      SyncRuns.Pending item,
      String status,
      Integer errcode,
      String reason,
      Runnable remember) {
    boolean held =
        runs.recordOutcome(claim, item, status, errcode, reason, now(), leaseEnd(), remember);
    if (!held) {
      LOG.info("contacts sync run " + claim.runId() + ": lease lost, another server goes on");
    }
    return held;
  }

  /**
   * One step of the full reconcile: upload the file, start the batch job, poll it to the end
   * (renewing the lease), then remember what WeCom holds and record every line WeCom refused as a
   * failed item of the run. Re-sending a step after a crash is harmless: a replace job makes WeCom
   * equal to the file, however often it runs.
   */
  private boolean sendBatch(SyncRuns.Claim claim, WeComContacts api, SyncRuns.Pending item) {
    jakarta.json.JsonObject payload;
    try (var reader = Jsons.createReader(new java.io.StringReader(item.payload()))) {
      payload = reader.readObject();
    }
    boolean party = "replaceparty".equals(item.key());
    try {
      byte[] csv = payload.getString("csv").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String media = api.uploadFile(party ? "party.csv" : "users.csv", csv);
      String job = party ? api.replaceParty(media) : api.replaceUser(media);
      BatchJob result = awaitJob(claim, api, job);
      List<BatchJob.Entry> failures = result.failures();
      jakarta.json.JsonObject prints = payload.getJsonObject("prints");
      Runnable remember =
          () -> {
            java.util.Set<String> failed = new java.util.HashSet<>();
            failures.forEach(f -> failed.add(f.id()));
            if (party) {
              jakarta.json.JsonObject ids = payload.getJsonObject("ids");
              for (String code : ids.keySet()) {
                if (!failed.contains(String.valueOf(ids.getJsonNumber(code).longValue()))
                    && prints.containsKey(code)) {
                  states.rememberDepartment(
                      code, ids.getJsonNumber(code).longValue(), prints.getString(code));
                }
              }
            } else {
              states.forgetMembersNotIn(prints.keySet(), now());
              for (String account : prints.keySet()) {
                if (!failed.contains(account)) {
                  states.rememberMember(account, true, prints.getString(account), 0, null, now());
                }
              }
              failures.forEach(f -> states.memberFailed(f.id(), f.errcode(), f.errmsg(), now()));
            }
            runs.addFailures(claim.runId(), party ? Target.DEPARTMENT : Target.MEMBER, failures);
          };
      return recorded(claim, item, SyncItem.DONE, 0, job, remember);
    } catch (WeComRateLimitedException e) {
      runs.pause(claim, now().plus(settings.rateLimitWait()), "contacts.note.rate-limited");
      return false;
    } catch (WeComConfigurationException e) {
      runs.pause(claim, now().plus(CONFIGURATION_PAUSE), "contacts.note.errcode:" + e.errcode());
      return false;
    } catch (WeComApiException e) {
      return recorded(claim, item, SyncItem.FAILED, e.errcode(), e.errmsg(), null);
    } catch (WeComUnavailableException e) {
      if (item.attempts() + 1 >= MAX_ATTEMPTS) {
        return recorded(claim, item, SyncItem.FAILED, -1, e.getMessage(), null);
      }
      runs.recordOutcome(claim, item, SyncItem.PENDING, null, null, now(), leaseEnd(), null);
      runs.pause(claim, now().plus(UNAVAILABLE_PAUSE), "contacts.note.unavailable");
      return false;
    }
  }

  private BatchJob awaitJob(SyncRuns.Claim claim, WeComContacts api, String job) {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (true) {
      BatchJob result = api.batchResult(job);
      if (result.finished()) {
        return result;
      }
      if (System.nanoTime() > deadline) {
        throw new WeComUnavailableException(
            WeComContacts.BATCH_GETRESULT, "job " + job + " did not finish");
      }
      runs.renewLease(claim, now(), leaseEnd());
      try {
        Thread.sleep(JOB_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WeComUnavailableException(WeComContacts.BATCH_GETRESULT, "interrupted");
      }
    }
  }

  /**
   * Makes the call of an item, idempotently; returns what to remember once its outcome is recorded.
   */
  private Runnable call(WeComContacts api, SyncRuns.Pending item) {
    Change.Action action = Change.Action.valueOf(item.action());
    if (Target.DEPARTMENT.name().equals(item.target())) {
      WeComDepartment d = Payloads.department(item.payload());
      switch (action) {
        case CREATE -> {
          try {
            api.createDepartment(d);
          } catch (WeComApiException e) {
            if (e.errcode() != 60008) {
              throw e;
            }
            api.updateDepartment(d);
          }
        }
        case UPDATE -> api.updateDepartment(d);
        default -> {
          try {
            api.deleteDepartment(d.id());
          } catch (WeComApiException e) {
            if (e.errcode() != 60003) {
              throw e;
            }
          }
          return () -> states.forgetDepartment(d.id());
        }
      }
      return () -> states.rememberDepartment(item.key(), d.id(), item.fingerprint());
    }
    if (action == Change.Action.DELETE) {
      try {
        api.deleteUser(item.key());
      } catch (WeComApiException e) {
        if (e.errcode() != 60111) {
          throw e;
        }
      }
      return () -> states.rememberMember(item.key(), false, null, 0, null, now());
    }
    var member = Payloads.member(item.payload());
    if (action == Change.Action.CREATE) {
      try {
        api.createUser(member);
      } catch (WeComApiException e) {
        if (e.errcode() != 60102) {
          throw e;
        }
        api.updateUser(member);
      }
    } else {
      try {
        api.updateUser(member);
      } catch (WeComApiException e) {
        if (e.errcode() != 60111) {
          throw e;
        }
        api.createUser(member);
      }
    }
    return () -> {
      states.rememberMember(item.key(), true, item.fingerprint(), item.payload(), 0, null, now());
      if (!member.enabled()) {
        states.setStatus(item.key(), MemberStatus.DISABLED, now());
      }
    };
  }

  /**
   * Asks WeCom for a person's status ({@code user/get}) and remembers it; empty when WeCom cannot
   * say.
   */
  public Optional<MemberStatus> refreshStatus(String account) {
    Optional<WeComContacts> api = contactsApi.get();
    if (api.isEmpty()) {
      return Optional.empty();
    }
    MemberStatus status;
    try {
      status = api.get().user(account).status();
    } catch (cn.edu.ntvu.workbench.wecom.domain.WeComUserNotFoundException e) {
      status = MemberStatus.MISSING;
    } catch (WeComException e) {
      LOG.log(Level.INFO, "status of " + account + " not read: " + e.getMessage());
      return Optional.empty();
    }
    states.setStatus(account, status, now());
    return Optional.of(status);
  }

  /**
   * No plan while a run is confirmed or running (it would read WeCom half-way through that run).
   */
  private void requireIdle() {
    runs.activeRun()
        .ifPresent(
            r -> {
              throw new SyncBusyException(r.id());
            });
  }

  private WeComContacts api() {
    return contactsApi
        .get()
        .orElseThrow(() -> new IllegalStateException("contacts sync not configured"));
  }

  private LocalDateTime leaseEnd() {
    return now().plus(settings.lease());
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
