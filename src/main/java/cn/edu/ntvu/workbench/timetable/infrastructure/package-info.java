/**
 * Persistence of the timetable: JPA records of terms, calendar days, period times and course meetings. As in the
 * directory, the import's bulk writer and the read queries live with the application services.
 */
package cn.edu.ntvu.workbench.timetable.infrastructure;
