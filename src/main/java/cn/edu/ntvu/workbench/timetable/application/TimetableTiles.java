package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.portal.application.TileOffer;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** 查课表's tiles on a new workbench: today and this week (with the classes-left badge), and the calendar feed. */
@ApplicationScoped
public class TimetableTiles implements TileOffer {
  @Override
  public List<OfferedTile> tiles() {
    return List.of(
        new OfferedTile(Scene.TEACHING, 10, "查课表", "今天和本周的课", "calendar", "/timetable/",
            TimetableBadgeProvider.KEY),
        new OfferedTile(Scene.TEACHING, 20, "订阅到手机日历", "课表自动进手机日历", "bell", "/timetable/calendar.xhtml",
            null));
  }
}
