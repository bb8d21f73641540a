package cn.edu.ntvu.workbench.platform.persistence;

/** Fired once at start-up after the schema is migrated; observers in dev mode load their demo data. */
public record SchemaReady(boolean devMode) {}
