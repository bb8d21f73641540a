package cn.edu.ntvu.workbench.portal.domain;

/** The school's three scenes the workbench groups its tiles by, in page order: 教学, 办公, 生活. */
public enum Scene {
  TEACHING,
  OFFICE,
  LIFE
}
