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
 * The statistics of one question: for choices how often each option was picked (and its share of
 * the answers, for the bar), for numbers how many answered and the least, average and greatest
 * value.
 */
public record QuestionStats(
    Question question,
    long answered,
    List<Bar> bars,
    BigDecimal min,
    BigDecimal avg,
    BigDecimal max)
    implements Serializable {

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

  /**
   * Builds every question's statistics from aggregates the database computed.
   *
   * @param perQuestion [question id, answers, min, avg, max] (numbers null for other types)
   * @param choiceGroups [question id, choice ids as stored (comma-separated), how many answers had
   *     exactly those]
   */
  public static List<QuestionStats> of(
      List<Question> questions, List<Object[]> perQuestion, List<Object[]> choiceGroups) {
    Map<Long, Object[]> agg = new LinkedHashMap<>();
    perQuestion.forEach(r -> agg.put(((Number) r[0]).longValue(), r));
    Map<Long, Map<String, Long>> picks = new LinkedHashMap<>();
    for (Object[] r : choiceGroups) {
      Map<String, Long> p =
          picks.computeIfAbsent(((Number) r[0]).longValue(), k -> new LinkedHashMap<>());
      long n = ((Number) r[2]).longValue();
      for (String id : r[1].toString().split(",")) {
        p.merge(id, n, Long::sum);
      }
    }
    List<QuestionStats> out = new ArrayList<>();
    for (Question q : questions) {
      Object[] a = agg.get(q.id());
      long n = a == null ? 0 : ((Number) a[1]).longValue();
      List<Bar> bars = new ArrayList<>();
      if (q.type().hasOptions()) {
        Map<String, Long> p = picks.getOrDefault(q.id(), Map.of());
        for (ChoiceOption o : q.options()) {
          long c = p.getOrDefault(o.id(), 0L);
          bars.add(new Bar(o.label(), c, n == 0 ? 0 : (int) Math.round(100.0 * c / n)));
        }
      }
      out.add(
          new QuestionStats(
              q,
              n,
              bars,
              dec(a, 2),
              a == null || a[3] == null ? null : dec(a, 3).setScale(2, RoundingMode.HALF_UP),
              dec(a, 4)));
    }
    return out;
  }

  private static BigDecimal dec(Object[] row, int at) {
    if (row == null || row[at] == null) {
      return null;
    }
    return row[at] instanceof BigDecimal d ? d : new BigDecimal(row[at].toString());
  }
}
