package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.timetable.application.HeldOccurrences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The timetable's SPI answered from the attendance tables: the meetings of a term with roll calls
 * (attendance_session rows), so a re-import keeps their numbers and says so in its preview.
 */
@ApplicationScoped
public class AttendanceHeldOccurrences implements HeldOccurrences {
  @Inject AttendanceStore store;

  @Override
  public Map<Integer, Integer> rollCalls(long termId, String source) {
    return store.rollCallsByMeeting(termId, source);
  }
}
