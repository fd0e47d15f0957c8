package org.remoteservices.shared.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The labels people see for each form field, read once from the Camunda Forms deployed from {@code bpmn/}
 * ({@code classpath*:*.form}), so that a server-side refusal names the field as the form shows it
 * ("Session notes"), never by its variable name ({@code input_sessionNotes}). A datetime field is named by
 * its date label without the trailing ": date"; a key no form has is turned into words ("denialReason" -> "Denial reason").
 */
public final class FormLabels {
  private static volatile Map<String, String> labels;

  private FormLabels() {}

  public static String of(String key) {
    String label = all().get(key);
    return label != null ? label : words(key);
  }

  static Map<String, String> all() {
    Map<String, String> loaded = labels;
    if (loaded == null) {
      loaded = load();
      labels = loaded;
    }
    return loaded;
  }

  private static Map<String, String> load() {
    Map<String, String> found = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:*.form")) {
        try (InputStream in = resource.getInputStream()) {
          collect(json.readTree(in), found);
        }
      }
    } catch (IOException e) {
      // no labels: the fallback words still name the field
    }
    return Map.copyOf(found);
  }

  private static void collect(JsonNode node, Map<String, String> found) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collect(child, found));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String key = node.path("key").asText(null);
    String label = node.path("label").asText(null);
    if (label == null && node.hasNonNull("dateLabel")) {
      label = node.path("dateLabel").asText().replaceFirst("(?i)\\s*:\\s*date\\s*$", "");
    }
    if (label != null && label.contains("{{")) {
      // a templated part ("Session start (yyyy-MM-dd HH:mm, {{siteTimeZone}} time)") is left out of the sentence's name
      label = label.replaceAll("\\s*\\([^)]*\\{\\{[^)]*\\)", "").replaceAll("\\{\\{[^}]*}}", "").strip();
    }
    if (key != null && label != null && !label.isBlank() && !label.startsWith("=")) {
      found.putIfAbsent(key, label.strip());
    }
    collect(node.path("components"), found);
  }

  /** "input_denialReason" -> "Denial reason". */
  static String words(String key) {
    String name = key.startsWith(FormInput.PREFIX) ? key.substring(FormInput.PREFIX.length()) : key;
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT).strip();
    return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
