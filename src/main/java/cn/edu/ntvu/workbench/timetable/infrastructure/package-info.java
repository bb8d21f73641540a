/**
 * The timetable's SQL outside its entities: the calendar subscriptions ({@link
 * cn.edu.ntvu.workbench.timetable.infrastructure.SqlCalendarSubscriptions}). The JPA entities of
 * terms, calendar days, period times and course meetings are in the domain package; the import's
 * bulk writer and the read queries work on them with the application services.
 */
package cn.edu.ntvu.workbench.timetable.infrastructure;
