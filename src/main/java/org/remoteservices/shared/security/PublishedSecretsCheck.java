package org.remoteservices.shared.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Refuses to start with a secret everybody can read (docs/security.md, "No published secret"), before anything is
 * created: outside the {@code demo} profile, the privacy salt must be set, of a useful length and not the published
 * default, and no password may be one of the demo's published ones; the {@code demo} profile (whose passwords are
 * in the repository) runs only on the embedded H2 database. The published values are read from
 * {@code application-demo.yml} itself, so the check cannot fall behind the demo. Messages name the setting and its
 * environment variable, never a value.
 */
public class PublishedSecretsCheck implements EnvironmentPostProcessor, Ordered {
  public static final String SALT = "rso.privacy.tombstone-salt";
  /** The salt's default before this check existed; installations may still carry it. */
  public static final String FORMER_DEFAULT_SALT = "change-me-in-production";
  public static final int MIN_SALT_LENGTH = 16;
  static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

  static {
    PASSWORDS.put("camunda.bpm.admin-user.password", "CAMUNDA_BPM_ADMIN_USER_PASSWORD");
    PASSWORDS.put("rso.demo.password", "RSO_DEMO_PASSWORD");
    PASSWORDS.put("spring.datasource.password", "DB_PASSWORD");
    PASSWORDS.put("spring.mail.password", "SPRING_MAIL_PASSWORD");
  }

  private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("^\\$\\{[^:}]+:(.*)}$");

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after the configuration files and profiles are in place
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new PublishedSecretException(problems);
    }
  }

  /** What is wrong with the environment's secrets; empty if nothing. */
  public static List<String> problems(ConfigurableEnvironment environment) {
    List<String> problems = new ArrayList<>();
    boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
    if (demo) {
      String url = property(environment, "spring.datasource.url");
      if (url != null && !url.isBlank() && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
        problems.add("the demo profile publishes its passwords: it runs only on the embedded H2 database (spring.datasource.url / "
            + "DB_URL is " + scheme(url) + "); start without the demo profile, e.g. SPRING_PROFILES_ACTIVE=postgres");
      }
      return problems;
    }
    Set<String> published = publishedValues();
    String salt = property(environment, SALT);
    salt = salt == null ? "" : salt;
    String saltSetting = SALT + " (RSO_PRIVACY_SALT)";
    if (salt.isBlank()) {
      problems.add(saltSetting + " is not set: set a secret of your own, at least " + MIN_SALT_LENGTH + " characters");
    } else if (published.contains(salt)) {
      problems.add(saltSetting + " is the published default: set a secret of your own");
    } else if (salt.length() < MIN_SALT_LENGTH) {
      problems.add(saltSetting + " is shorter than " + MIN_SALT_LENGTH + " characters: set a longer secret of your own");
    }
    PASSWORDS.forEach((setting, variable) -> {
      String value = property(environment, setting);
      if (value != null && !value.isEmpty() && published.contains(value)) {
        problems.add(setting + " (" + variable + ") is a published demo password: set a secret of your own");
      }
    });
    return problems;
  }

  /**
   * A setting as the application will see it; null if unset, or if it is a placeholder that only a later source
   * (a test's dynamic property, say) will resolve: a secret that does not exist yet is not a published one.
   */
  private static String property(ConfigurableEnvironment environment, String name) {
    try {
      return environment.getProperty(name);
    } catch (IllegalArgumentException unresolvable) {
      return null;
    }
  }

  /** The demo's published passwords and salt, as application-demo.yml has them (placeholders by their defaults). */
  static Set<String> publishedValues() {
    Set<String> values = new LinkedHashSet<>();
    values.add(FORMER_DEFAULT_SALT);
    ClassPathResource demo = new ClassPathResource("application-demo.yml");
    if (!demo.exists()) {
      return values;
    }
    try {
      for (PropertySource<?> source : new YamlPropertySourceLoader().load("published demo values", demo)) {
        if (source instanceof EnumerablePropertySource<?> enumerable) {
          for (String name : enumerable.getPropertyNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("password") || lower.endsWith("salt") || lower.endsWith("secret")) {
              Object raw = enumerable.getProperty(name);
              if (raw != null) {
                String text = raw.toString();
                Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(text);
                values.add(placeholder.matches() ? placeholder.group(1) : text);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    values.remove("");
    return values;
  }

  private static String scheme(String url) {
    String[] parts = url.split(":", 3);
    return parts.length >= 2 ? "a " + parts[0] + ":" + parts[1] + " URL" : "not an H2 URL"; // never the URL: it may carry a password
  }

  /** The application does not start; the message lists every setting to change. */
  public static final class PublishedSecretException extends IllegalStateException {
    private final List<String> problems;

    PublishedSecretException(List<String> problems) {
      super("refusing to start: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" report. */
  public static final class Analyzer extends AbstractFailureAnalyzer<PublishedSecretException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PublishedSecretException cause) {
      return new FailureAnalysis("The configuration holds a secret that is published or missing:\n  - "
          + String.join("\n  - ", cause.problems()),
          "Set the settings named above (docs/security.md, \"No published secret outside the demo\", and docs/configuration.md).",
          cause);
    }
  }
}
