package cn.edu.ntvu.workbench.timetable.application;

import java.util.Map;

/**
 * SPI: which meetings of a term have occurrences that were held with a roll call (点名). The
 * attendance context implements it in its application layer (a read-only count); the timetable
 * knows nothing else of attendance. A timetable import keeps the numbers of such meetings out of
 * reuse, so their marks stay attached to the occurrence that was held, and its preview names the
 * moved or deleted meetings that have them.
 */
public interface HeldOccurrences {
  /**
   * @return by meeting number, how many occurrences of it have a roll call, for the meetings of
   *     {@code termId} from {@code source} (ZF or WISEDU) that have any
   */
  Map<Integer, Integer> rollCalls(long termId, String source);
}
