package cn.edu.ntvu.workbench.platform.persistence;

import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the columns of native SQL results (which the driver hands over as {@code Object}) into Java values, and
 * binding times. For stores that write their SQL by hand.
 */
public final class NativeRows {
  private NativeRows() {}

  /** The rows of {@code q}; a one-column result comes as one-element arrays too. */
  @SuppressWarnings("unchecked")
  public static List<Object[]> rows(Query q) {
    List<Object> raw = q.getResultList();
    List<Object[]> out = new ArrayList<>(raw.size());
    for (Object o : raw) {
      out.add(o instanceof Object[] a ? a : new Object[] {o});
    }
    return out;
  }

  /** Binds {@code args} as positional parameters 1, 2, … */
  public static Query bind(Query q, Object... args) {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      q.setParameter(i + 1, a instanceof LocalDateTime t ? Timestamp.valueOf(t) : a);
    }
    return q;
  }

  public static Timestamp ts(LocalDateTime t) {
    return t == null ? null : Timestamp.valueOf(t);
  }

  public static LocalDateTime time(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (o instanceof LocalDateTime t) {
      return t;
    }
    if (o instanceof java.util.Date d) {
      return new Timestamp(d.getTime()).toLocalDateTime();
    }
    throw new IllegalStateException("not a time: " + o.getClass());
  }

  public static String str(Object o) {
    return o == null ? null : o.toString();
  }

  public static long lng(Object o) {
    return ((Number) o).longValue();
  }

  public static int num(Object o) {
    return ((Number) o).intValue();
  }

  public static Integer intOrNull(Object o) {
    return o == null ? null : ((Number) o).intValue();
  }

  public static BigDecimal dec(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof BigDecimal d ? d : new BigDecimal(o.toString());
  }

  public static boolean bool(Object o) {
    if (o instanceof Boolean b) {
      return b;
    }
    return o != null && ((Number) o).intValue() != 0;
  }
}
