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

  /**
   * Builds every question's statistics from aggregates the database computed.
   *
   * @param perQuestion [question id, answers, min, avg, max] (numbers null for other types)
   * @param choiceGroups [question id, choice ids as stored (comma-separated), how many answers had exactly those]
   */
  public static List<QuestionStats> of(List<Question> questions, List<Object[]> perQuestion,
      List<Object[]> choiceGroups) {
    Map<Long, Object[]> agg = new LinkedHashMap<>();
    perQuestion.forEach(r -> agg.put(((Number) r[0]).longValue(), r));
    Map<Long, Map<String, Long>> picks = new LinkedHashMap<>();
    for (Object[] r : choiceGroups) {
      Map<String, Long> p = picks.computeIfAbsent(((Number) r[0]).longValue(), k -> new LinkedHashMap<>());
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
      out.add(new QuestionStats(q, n, bars, dec(a, 2), a == null || a[3] == null ? null
          : dec(a, 3).setScale(2, RoundingMode.HALF_UP), dec(a, 4)));
    }
    return out;
  }

  /**
   * Builds every question's statistics from the one-pass groups of {@code FormStore.answerGroups}: [question id,
   * choice ids or null, answers, min, sum, max, answers with a number].
   */
  public static List<QuestionStats> ofGroups(List<Question> questions, List<Object[]> groups) {
    Map<Long, Object[]> perQuestion = new LinkedHashMap<>();
    Map<Long, BigDecimal> sums = new LinkedHashMap<>();
    Map<Long, Long> numbered = new LinkedHashMap<>();
    List<Object[]> choiceGroups = new ArrayList<>();
    for (Object[] g : groups) {
      long q = ((Number) g[0]).longValue();
      long n = ((Number) g[2]).longValue();
      BigDecimal min = dec(g, 3);
      BigDecimal sum = dec(g, 4);
      BigDecimal max = dec(g, 5);
      Object[] a = perQuestion.computeIfAbsent(q, k -> new Object[] {k, 0L, null, null, null});
      a[1] = (Long) a[1] + n;
      if (min != null) {
        a[2] = a[2] == null || min.compareTo((BigDecimal) a[2]) < 0 ? min : a[2];
        a[4] = a[4] == null || max.compareTo((BigDecimal) a[4]) > 0 ? max : a[4];
        sums.merge(q, sum, BigDecimal::add);
        numbered.merge(q, ((Number) g[6]).longValue(), Long::sum);
      }
      if (g[1] != null) {
        choiceGroups.add(new Object[] {q, g[1], n});
      }
    }
    sums.forEach((q, sum) -> perQuestion.get(q)[3] =
        sum.divide(BigDecimal.valueOf(numbered.get(q)), 10, RoundingMode.HALF_UP));
    return of(questions, new ArrayList<>(perQuestion.values()), choiceGroups);
  }

  private static BigDecimal dec(Object[] row, int at) {
    if (row == null || row[at] == null) {
      return null;
    }
    return row[at] instanceof BigDecimal d ? d : new BigDecimal(row[at].toString());
  }
}
