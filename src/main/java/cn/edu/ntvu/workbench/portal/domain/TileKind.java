package cn.edu.ntvu.workbench.portal.domain;

/** A tile opens a micro-app of this server (a path) or an external site (an http(s) URL). */
public enum TileKind {
  INTERNAL,
  EXTERNAL
}
