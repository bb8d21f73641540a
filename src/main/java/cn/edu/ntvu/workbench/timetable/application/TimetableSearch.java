package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.application.SearchQuery;
import cn.edu.ntvu.workbench.portal.application.SearchableItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The workbench search's 查课表 group (issue 21): the courses of my own timetable this term (a
 * student's class and individual meetings, a teacher's teaching; {@link TimetablePolicy#own}) by
 * name or its pinyin, each once, opening its first weekly meeting. From the per-server cache of the
 * timetable pages ({@link TimetableQueryService#meetingsOf}).
 */
@ApplicationScoped
public class TimetableSearch implements SearchableItems {
  @Inject TimetableQueryService queries;
  @Inject Clock clock;

  @Override
  public String groupBundle() {
    return "i18n.timetable";
  }

  @Override
  public String groupKey() {
    return "timetable.search.group";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public List<Found> find(SignedInUser user, SearchQuery query, int limit) {
    LocalDate today = LocalDate.now(clock);
    var term = queries.termOn(today);
    if (term.isEmpty()) {
      return List.of();
    }
    String code = term.get().calendar().term().code();
    List<Found> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TimetableEntry m : queries.meetingsOf(term.get(), TimetablePolicy.own(user))) {
      if (out.size() >= limit) {
        break;
      }
      if (query.matches(m.courseName()) && seen.add(m.courseName())) {
        out.add(
            new Found(
                m.courseName(),
                m.teacherNames() == null || m.teacherNames().isBlank()
                    ? null
                    : "timetable.search.teacher",
                m.teacherNames(),
                "/timetable/course.xhtml?term="
                    + URLEncoder.encode(code, StandardCharsets.UTF_8)
                    + "&src="
                    + URLEncoder.encode(m.source(), StandardCharsets.UTF_8)
                    + "&no="
                    + m.meetingNo()));
      }
    }
    return out;
  }
}
