package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.AnswerCheck;
import cn.edu.ntvu.workbench.forms.domain.ChoiceOption;
import cn.edu.ntvu.workbench.forms.domain.Question;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one question: for choices how often each option was picked (and its share of the answers, for the
 * bar), for numbers how many answered and the least, average and greatest value.
 */
public record QuestionStats(Question question, long answered, List<Bar> bars, BigDecimal min, BigDecimal avg,
    BigDecimal max) implements Serializable {

  public record Bar(String label, long count, int percent) implements Serializable {}

  public String minText() {
    return min == null ? "—" : AnswerCheck.plain(min);
  }

  public String avgText() {
    return avg == null ? "—" : AnswerCheck.plain(avg);
  }

  public String maxText() {
    return max == null ? "—" : AnswerCheck.plain(max);
  }

  /** Builds every question's statistics from [question id, number, choice ids] rows in one pass. */
  public static List<QuestionStats> of(List<Question> questions, List<Object[]> rows) {
    Map<Long, long[]> answered = new LinkedHashMap<>();
    Map<Long, Map<String, Long>> picks = new LinkedHashMap<>();
    Map<Long, BigDecimal[]> numbers = new LinkedHashMap<>();
    for (Object[] r : rows) {
      long q = ((Number) r[0]).longValue();
      answered.computeIfAbsent(q, k -> new long[1])[0]++;
      if (r[1] != null) {
        BigDecimal v = r[1] instanceof BigDecimal d ? d : new BigDecimal(r[1].toString());
        BigDecimal[] m = numbers.computeIfAbsent(q, k -> new BigDecimal[] {v, v, BigDecimal.ZERO});
        m[0] = m[0].min(v);
        m[1] = m[1].max(v);
        m[2] = m[2].add(v);
      }
      if (r[2] != null) {
        Map<String, Long> p = picks.computeIfAbsent(q, k -> new LinkedHashMap<>());
        for (String id : r[2].toString().split(",")) {
          p.merge(id, 1L, Long::sum);
        }
      }
    }
    List<QuestionStats> out = new ArrayList<>();
    for (Question q : questions) {
      long n = answered.getOrDefault(q.id(), new long[1])[0];
      List<Bar> bars = new ArrayList<>();
      if (q.type().hasOptions()) {
        Map<String, Long> p = picks.getOrDefault(q.id(), Map.of());
        for (ChoiceOption o : q.options()) {
          long c = p.getOrDefault(o.id(), 0L);
          bars.add(new Bar(o.label(), c, n == 0 ? 0 : (int) Math.round(100.0 * c / n)));
        }
      }
      BigDecimal[] m = numbers.get(q.id());
      out.add(new QuestionStats(q, n, bars, m == null ? null : m[0],
          m == null ? null : m[2].divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP), m == null ? null : m[1]));
    }
    return out;
  }
}
