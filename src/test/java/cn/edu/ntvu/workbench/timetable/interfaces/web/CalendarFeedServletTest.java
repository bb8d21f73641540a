package cn.edu.ntvu.workbench.timetable.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalendarFeedServletTest {
  @Test
  void theTokenIsTheOnePathSegmentBeforeDotIcs() {
    String token = "A".repeat(43);
    assertThat(CalendarFeedServlet.token("/" + token + ".ics")).contains(token);
    assertThat(CalendarFeedServlet.token(null)).isEmpty();
    assertThat(CalendarFeedServlet.token("/")).isEmpty();
    assertThat(CalendarFeedServlet.token("/.ics")).isEmpty();
    assertThat(CalendarFeedServlet.token("/" + token)).isEmpty();
    assertThat(CalendarFeedServlet.token("/a/" + token + ".ics")).isEmpty();
    assertThat(CalendarFeedServlet.feedPath(token)).isEqualTo("/calendar/" + token + ".ics");
  }

  @Test
  void ifNoneMatchComparesEntityTags() {
    String etag = "\"0123abcd\"";
    assertThat(CalendarFeedServlet.matches(null, etag)).isFalse();
    assertThat(CalendarFeedServlet.matches("\"other\"", etag)).isFalse();
    assertThat(CalendarFeedServlet.matches("\"other\", " + etag, etag)).isTrue();
    assertThat(CalendarFeedServlet.matches("W/" + etag, etag)).isTrue();
    assertThat(CalendarFeedServlet.matches("*", etag)).isTrue();
  }
}
