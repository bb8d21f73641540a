package cn.edu.ntvu.workbench.timetable.application;

/** Fired inside a transaction that imports timetable data; readers act once it has committed. */
public record TimetableChanged() {}
