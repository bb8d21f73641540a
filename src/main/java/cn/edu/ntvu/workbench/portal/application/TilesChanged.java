package cn.edu.ntvu.workbench.portal.application;

/**
 * Fired by the tile store inside a transaction that changes tiles; observers act once it has
 * committed.
 */
public record TilesChanged() {}
