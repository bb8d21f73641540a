package cn.edu.ntvu.workbench.wecom.domain;

import java.nio.charset.StandardCharsets;

/**
 * One item of a {@code keydata} workbench display (工作台自定义展示, docs/wecom-api.md §10.1): a label
 * ({@code key}, optional), the number or text ({@code data}, required) and where a tap goes ({@code
 * jump_url}, optional; WeCom opens the app's home page without it).
 *
 * @param key the label, e.g. 待审批; may be empty
 * @param data what the tile shows, e.g. {@code 3}; required
 * @param jumpUrl an http(s) address, or empty
 */
public record KeydataItem(String key, String data, String jumpUrl) {
  /** §10.1: a keydata display has at most four items. */
  public static final int MAX_ITEMS = 4;

  /** Our own cap on a label (WeCom shows a few characters under the number). */
  public static final int MAX_KEY_CHARS = 12;

  /** Our own cap on an address. */
  public static final int MAX_URL_BYTES = 1024;

  public KeydataItem {
    key = key == null ? "" : key.strip();
    data = data == null ? "" : data.strip();
    jumpUrl = jumpUrl == null ? "" : jumpUrl.strip();
    if (data.isEmpty()) {
      throw new IllegalArgumentException("keydata item data is required");
    }
    if (key.codePointCount(0, key.length()) > MAX_KEY_CHARS) {
      throw new IllegalArgumentException("keydata item key longer than " + MAX_KEY_CHARS);
    }
    if (!jumpUrl.isEmpty()
        && (!(jumpUrl.startsWith("https://") || jumpUrl.startsWith("http://"))
            || jumpUrl.getBytes(StandardCharsets.UTF_8).length > MAX_URL_BYTES)) {
      throw new IllegalArgumentException("keydata item jump_url must be an http(s) address");
    }
  }
}
