package cn.edu.ntvu.workbench.portal.domain;

import java.nio.charset.StandardCharsets;

/**
 * One item an admin chose for the keydata display on WeCom's own workbench tile (工作台自定义展示,
 * docs/wecom-api.md §10.1): which badge number it shows, under which label, and where a tap goes.
 *
 * @param badgeKey the {@code BadgeProvider} key whose number it shows
 * @param label what WeCom shows under the number (≤ {@link #MAX_LABEL} characters)
 * @param jumpUrl an http(s) address, or empty: WeCom then opens the app's home page
 */
public record NativeTileItem(String badgeKey, String label, String jumpUrl) {
  /** WeCom shows at most four keydata items (§10.1). */
  public static final int MAX_ITEMS = 4;

  public static final int MAX_LABEL = 12;
  public static final int MAX_URL_BYTES = 1024;

  public NativeTileItem {
    badgeKey = badgeKey == null ? "" : badgeKey.strip();
    label = label == null ? "" : label.strip();
    jumpUrl = jumpUrl == null ? "" : jumpUrl.strip();
  }

  /**
   * Checks the item as the admin entered it.
   *
   * @throws TileInputException naming the message of the first problem and the item's position
   */
  public NativeTileItem checked(int position, java.util.Set<String> badgeKeys) {
    String n = String.valueOf(position);
    if (badgeKey.isEmpty() || !badgeKeys.contains(badgeKey)) {
      throw new TileInputException("workbench.native.badgeUnknown", n);
    }
    if (label.isEmpty()) {
      throw new TileInputException("workbench.native.labelRequired", n);
    }
    if (label.codePointCount(0, label.length()) > MAX_LABEL) {
      throw new TileInputException("workbench.native.labelTooLong", n, String.valueOf(MAX_LABEL));
    }
    if (!jumpUrl.isEmpty()
        && (!(jumpUrl.startsWith("https://") || jumpUrl.startsWith("http://"))
            || jumpUrl.contains(" ")
            || jumpUrl.getBytes(StandardCharsets.UTF_8).length > MAX_URL_BYTES)) {
      throw new TileInputException("workbench.native.urlInvalid", n);
    }
    return this;
  }
}
