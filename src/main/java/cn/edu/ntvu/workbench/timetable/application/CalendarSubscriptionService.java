package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.timetable.application.TimetableCalendarWriter.TermMeetings;
import cn.edu.ntvu.workbench.timetable.domain.CalendarSubscription;
import cn.edu.ntvu.workbench.timetable.domain.CalendarSubscriptions;
import cn.edu.ntvu.workbench.timetable.domain.CalendarToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * 订阅到手机日历: turns a person's calendar subscription on, resets or turns it off, and answers a
 * calendar app's fetch of the feed by token alone (no session). The feed holds the term in progress
 * and the next one, if it is known: for a student the meetings of their class and their electives,
 * for staff what they teach.
 */
@ApplicationScoped
public class CalendarSubscriptionService {
  /**
   * A calendar app polls every few minutes to hours; the last fetch is recorded no more often than
   * this.
   */
  static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(10);

  @Inject CalendarSubscriptions subscriptions;
  @Inject TimetableQueryService timetables;
  @Inject DirectoryQueries directory;
  @Inject AppSettings settings;

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  /** The school clock (dev.clock in development): which term is "current" follows it. */
  @Inject Clock clock;

  private final SecureRandom random = new SecureRandom();

  /** The person's subscription, if it is on. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<CalendarSubscription> of(String account) {
    return subscriptions.ofPerson(account);
  }

  /**
   * Turns the subscription on, or resets it: a new token replaces the old one, whose URL stops
   * working at once. The token is returned only here; the database keeps its hash.
   */
  @Transactional
  public CalendarToken issue(String account) {
    CalendarToken token = CalendarToken.generate(random);
    subscriptions.replace(account, token.sha256(), clock.instant());
    return token;
  }

  @Transactional
  public void turnOff(String account) {
    subscriptions.remove(account);
  }

  /**
   * The feed of {@code tokenText}, or empty when no subscription has this token (never had, reset,
   * turned off) or its owner may no longer sign in.
   */
  @Transactional
  public Optional<CalendarFeed> feed(String tokenText, Locale locale) {
    Optional<CalendarToken> token = CalendarToken.parse(tokenText);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    String hash = token.get().sha256();
    Optional<Person> owner =
        subscriptions
            .withTokenHash(hash)
            .flatMap(s -> directory.findByAccount(s.account()))
            .filter(Person::canSignIn);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    subscriptions.touch(hash, now, LAST_USE_RESOLUTION);
    Person person = owner.get();
    List<TermMeetings> terms = new ArrayList<>();
    for (TermSchedule term : termsOfFeed(LocalDate.ofInstant(now, TimetableCalendarWriter.ZONE))) {
      terms.add(new TermMeetings(term, meetingsOf(person, term)));
    }
    // 金智 files carry teacher accounts only: one directory query names them all
    Set<String> unnamed = new TreeSet<>();
    for (TermMeetings t : terms) {
      t.entries().stream()
          .filter(e -> e.teacherNames().isBlank())
          .forEach(e -> unnamed.addAll(e.teacherAccounts()));
    }
    String body =
        new TimetableCalendarWriter(texts(locale), uidDomain(), directory.namesOf(unnamed))
            .write(person.getName(), terms, now);
    return Optional.of(CalendarFeed.of(body));
  }

  private List<TimetableEntry> meetingsOf(Person person, TermSchedule term) {
    if (person.getKind() == PersonKind.STUDENT) {
      String classCode = person.getSchoolClass() == null ? null : person.getSchoolClass().getCode();
      return timetables.meetingsOfStudent(term.termId(), person.getAccount(), classCode);
    }
    return timetables.meetingsOfTeacher(term.termId(), person.getAccount());
  }

  /**
   * The term in progress on {@code today} (if any) and the first one starting after it (or after
   * today).
   */
  private List<TermSchedule> termsOfFeed(LocalDate today) {
    List<TermSchedule> out = new ArrayList<>(2);
    Optional<TermSchedule> current = timetables.termOn(today);
    current.ifPresent(out::add);
    LocalDate after = current.map(t -> t.calendar().term().lastDay()).orElse(today);
    em.createQuery(
            "SELECT t.code FROM TermRecord t WHERE t.week1Monday > :after ORDER BY t.week1Monday",
            String.class)
        .setParameter("after", after)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .flatMap(timetables::term)
        .ifPresent(out::add);
    return out;
  }

  private String uidDomain() {
    String host = URI.create(settings.publicBaseUrl()).getHost();
    return host == null ? "workbench" : host;
  }

  static ResourceBundle texts(Locale locale) {
    return ResourceBundle.getBundle(
        "i18n.timetable",
        locale,
        CalendarSubscriptionService.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
