package cn.edu.ntvu.workbench.portal.application;

import java.time.LocalDateTime;

/**
 * A person opened a tile through the entry path ({@code /go/<id>}): fired after it was counted, for
 * whoever keeps per-person things about opens (e.g. 最近使用).
 */
public record TileOpened(String account, long tileId, LocalDateTime at) {}
