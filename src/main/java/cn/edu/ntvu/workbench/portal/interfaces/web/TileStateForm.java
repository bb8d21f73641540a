package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.portal.domain.TileState;
import cn.edu.ntvu.workbench.portal.domain.TileStateException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The 状态 part of the tile form (issue 21): 维护中 with message and window, 新, visible from/until.
 * Times are typed as {@code datetime-local} and {@code date} fields and kept as typed until saved,
 * so a refused save shows everything as it was.
 */
public class TileStateForm implements Serializable {
  private static final long serialVersionUID = 1L;
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private boolean maintenance;
  private String message;
  private String maintenanceFrom;
  private String maintenanceUntil;
  private boolean markedNew;
  private String visibleFrom;
  private String visibleUntil;

  void clear() {
    load(null);
  }

  void load(TileState s) {
    maintenance = s != null && s.maintenance();
    message = s == null ? null : s.maintenanceMessage();
    maintenanceFrom = s == null ? null : time(s.maintenanceFrom());
    maintenanceUntil = s == null ? null : time(s.maintenanceUntil());
    markedNew = s != null && s.isNew();
    visibleFrom = s == null || s.visibleFrom() == null ? null : s.visibleFrom().toString();
    visibleUntil = s == null || s.visibleUntil() == null ? null : s.visibleUntil().toString();
  }

  /**
   * The state as typed, checked ({@link TileState#checked}); {@link TileStateException} names the
   * field that is wrong. 新 is applied when saving ({@link TileState#markedNew}).
   */
  TileState parsed(long tileId) {
    return new TileState(
            tileId,
            maintenance,
            message,
            dateTime("maintenance-from", maintenanceFrom),
            dateTime("maintenance-until", maintenanceUntil),
            null,
            date("visible-from", visibleFrom),
            date("visible-until", visibleUntil))
        .checked();
  }

  static String time(LocalDateTime t) {
    return t == null ? null : LOCAL.format(t.truncatedTo(ChronoUnit.MINUTES));
  }

  static LocalDateTime dateTime(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().replace(' ', 'T');
    try {
      return LocalDateTime.parse(t.length() == 16 ? t : t.substring(0, Math.min(t.length(), 19)))
          .truncatedTo(ChronoUnit.MINUTES);
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new TileStateException(field, "workbench.state.error.time");
    }
  }

  static LocalDate date(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new TileStateException(field, "workbench.state.error.date");
    }
  }

  public boolean isMaintenance() {
    return maintenance;
  }

  public void setMaintenance(boolean maintenance) {
    this.maintenance = maintenance;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getMaintenanceFrom() {
    return maintenanceFrom;
  }

  public void setMaintenanceFrom(String maintenanceFrom) {
    this.maintenanceFrom = maintenanceFrom;
  }

  public String getMaintenanceUntil() {
    return maintenanceUntil;
  }

  public void setMaintenanceUntil(String maintenanceUntil) {
    this.maintenanceUntil = maintenanceUntil;
  }

  public boolean isMarkedNew() {
    return markedNew;
  }

  public void setMarkedNew(boolean markedNew) {
    this.markedNew = markedNew;
  }

  public String getVisibleFrom() {
    return visibleFrom;
  }

  public void setVisibleFrom(String visibleFrom) {
    this.visibleFrom = visibleFrom;
  }

  public String getVisibleUntil() {
    return visibleUntil;
  }

  public void setVisibleUntil(String visibleUntil) {
    this.visibleUntil = visibleUntil;
  }
}
