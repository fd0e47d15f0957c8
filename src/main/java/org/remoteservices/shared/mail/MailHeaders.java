package org.remoteservices.shared.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/** Extra headers of a stored mail, one "Name: value" per line in the {@code headers} column. */
final class MailHeaders {
  private MailHeaders() {}

  static String format(Map<String, String> headers) {
    if (headers == null || headers.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    new java.util.TreeMap<>(headers).forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    return out.toString();
  }

  static Map<String, String> parse(String column) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (column != null) {
      for (String line : column.split("\n")) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          headers.put(line.substring(0, colon), line.substring(colon + 2));
        }
      }
    }
    return headers;
  }
}
