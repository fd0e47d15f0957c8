package org.remoteservices.shared.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * No published secret outside the demo (docs/security.md "Credentials"). Before anything starts: outside the
 * {@code demo} profile the application refuses the published default privacy salt, the demo's passwords and the
 * demo data; the demo profile, whose passwords are in the README, refuses any database but the embedded H2. Each
 * refusal names the setting to change. Values are compared, never printed.
 */
public class PublishedSecretsCheck implements EnvironmentPostProcessor, Ordered {
  static final String DEFAULT_SALT = "change-me-in-production";
  /** The passwords the demo publishes (README, application-demo.yml). */
  static final Set<String> PUBLISHED_PASSWORDS = Set.of("Demo-2026", "admin-Demo-2026");
  /** Settings that hold a password; none may be a published one outside the demo. */
  static final List<String> PASSWORD_SETTINGS = List.of("camunda.bpm.admin-user.password", "spring.datasource.password", "spring.mail.password",
      "rso.demo.password");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    List<String> problems = problems(env);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("refusing to start: " + String.join("; ", problems));
    }
  }

  static List<String> problems(ConfigurableEnvironment env) {
    List<String> problems = new ArrayList<>();
    boolean demo = isDemo(env);
    if (demo) {
      String url = value(env, "spring.datasource.url");
      if (!url.startsWith("jdbc:h2:")) {
        problems.add("the demo profile publishes its passwords, so it runs only on the embedded H2 database; spring.datasource.url (DB_URL) "
            + "names another one: run without the demo profile (SPRING_PROFILES_ACTIVE=postgres)");
      }
      return problems;
    }
    String salt = value(env, "rso.privacy.tombstone-salt");
    if (salt.isBlank() || DEFAULT_SALT.equals(salt)) {
      problems.add("rso.privacy.tombstone-salt (RSO_PRIVACY_SALT) is the published default: set a secret of your own (32 random characters or more)");
    }
    for (String setting : PASSWORD_SETTINGS) {
      if (PUBLISHED_PASSWORDS.contains(value(env, setting))) {
        problems.add(setting + " is a password the demo publishes: set one of your own");
      }
    }
    if ("true".equalsIgnoreCase(value(env, "rso.demo.enabled"))) {
      problems.add("rso.demo.enabled creates the demo users with published passwords: it is for the demo profile only");
    }
    return problems;
  }

  /**
   * A setting's value, or "" when it is unset or refers to something not known yet (a placeholder that a test or the
   * platform provides later): those are checked as what they resolve to by the application itself, not here.
   */
  private static String value(ConfigurableEnvironment env, String key) {
    try {
      String v = env.getProperty(key);
      return v == null ? "" : v;
    } catch (IllegalArgumentException unresolved) {
      return "";
    }
  }

  static boolean isDemo(ConfigurableEnvironment env) {
    List<String> active = Arrays.asList(env.getActiveProfiles());
    return active.contains("demo") || (active.isEmpty() && Arrays.asList(env.getDefaultProfiles()).contains("demo"));
  }

  /** After the configuration files are read (and their profiles activated). */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
