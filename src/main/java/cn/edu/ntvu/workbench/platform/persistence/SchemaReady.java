package cn.edu.ntvu.workbench.platform.persistence;

/**
 * Fired once at start-up after the schema is migrated; the first data of a new school is imported
 * then.
 */
public record SchemaReady() {}
