package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.remoteservices.RemoteServicesApplication;
import org.remoteservices.shared.security.PublishedSecretsCheck;
import org.remoteservices.testsupport.TestMailServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * No published secret outside the demo: the application, started as it is started in production (its configuration
 * files, profiles and command line), refuses to start with the published or a missing privacy salt or a demo
 * password, naming the setting to change and never the value; the demo profile refuses anything but H2; the demo
 * itself (`mvn spring-boot:run`, no profile, no environment) and the test profile start. And a real start logs no
 * configured password.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSecretsTest {
  static final String GOOD_SALT = "a-salt-of-our-own-" + UUID.randomUUID();

  /** Thrown once the checks are passed, so that nothing is built. */
  static final class PassedTheChecks extends RuntimeException {
    PassedTheChecks() {
      super("passed the checks", null, false, false);
    }
  }

  /** What starting with these arguments does: null if it passes the checks, else the refusal. */
  static PublishedSecretsCheck.PublishedSecretException start(String... args) {
    SpringApplication application = new SpringApplication(RemoteServicesApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    // the test JVM's logging stays as it is
    List<ApplicationListener<?>> listeners = new ArrayList<>(application.getListeners().stream()
        .filter(l -> !(l instanceof LoggingApplicationListener)).toList());
    listeners.add((ApplicationListener<ApplicationContextInitializedEvent>) event -> {
      throw new PassedTheChecks();
    });
    application.setListeners(listeners);
    Throwable outcome = catchThrowable(() -> application.run(args));
    if (outcome instanceof PassedTheChecks) {
      return null;
    }
    assertThat(outcome).isInstanceOf(PublishedSecretsCheck.PublishedSecretException.class);
    return (PublishedSecretsCheck.PublishedSecretException) outcome;
  }

  static String refusal(String... args) {
    PublishedSecretsCheck.PublishedSecretException refused = start(args);
    assertThat(refused).as("refused: " + String.join(" ", args)).isNotNull();
    return refused.getMessage();
  }

  @Test
  void outsideTheDemoThePrivacySaltMustBeOurOwn() {
    assertThat(refusal("--spring.profiles.active=prod"))
        .contains("rso.privacy.tombstone-salt (RSO_PRIVACY_SALT) is not set: set a secret of your own");
    assertThat(refusal("--spring.profiles.active=prod", "--rso.privacy.tombstone-salt=change-me-in-production"))
        .contains("rso.privacy.tombstone-salt (RSO_PRIVACY_SALT) is the published default: set a secret of your own")
        .doesNotContain("change-me-in-production");
    assertThat(refusal("--spring.profiles.active=postgres", "--RSO_PRIVACY_SALT=short"))
        .contains("rso.privacy.tombstone-salt (RSO_PRIVACY_SALT) is shorter than 16 characters");
    assertThat(start("--spring.profiles.active=prod", "--rso.privacy.tombstone-salt=" + GOOD_SALT)).isNull();
  }

  @Test
  void outsideTheDemoNoDemoPasswordIsAccepted() {
    Map<String, String> settings = Map.of(
        "camunda.bpm.admin-user.password", "camunda.bpm.admin-user.password (CAMUNDA_BPM_ADMIN_USER_PASSWORD)",
        "rso.demo.password", "rso.demo.password (RSO_DEMO_PASSWORD)",
        "spring.datasource.password", "spring.datasource.password (DB_PASSWORD)",
        "spring.mail.password", "spring.mail.password (SPRING_MAIL_PASSWORD)");
    for (String published : List.of("admin-Demo-2026", "Demo-2026")) {
      settings.forEach((setting, named) -> assertThat(refusal("--spring.profiles.active=prod", "--rso.privacy.tombstone-salt=" + GOOD_SALT,
          "--" + setting + "=" + published))
          .contains(named + " is a published demo password: set a secret of your own").doesNotContain(published));
    }
    // every problem at once
    assertThat(refusal("--spring.profiles.active=prod", "--camunda.bpm.admin-user.password=admin-Demo-2026", "--DB_PASSWORD=Demo-2026"))
        .contains("RSO_PRIVACY_SALT", "CAMUNDA_BPM_ADMIN_USER_PASSWORD", "spring.datasource.password");
    assertThat(start("--spring.profiles.active=prod", "--rso.privacy.tombstone-salt=" + GOOD_SALT,
        "--camunda.bpm.admin-user.password=Our-Own-" + UUID.randomUUID())).isNull();
  }

  @Test
  void theDemoRunsOnH2Only() {
    String secret = "Db-Secret-" + UUID.randomUUID();
    String message = refusal("--DB_URL=jdbc:postgresql://db.example.com:5432/rso?password=" + secret);
    assertThat(message).contains("the demo profile publishes its passwords: it runs only on the embedded H2 database")
        .contains("jdbc:postgresql").doesNotContain(secret, "db.example.com");
    assertThat(refusal("--spring.profiles.active=postgres,demo", "--DB_URL=jdbc:postgresql://localhost/rso"))
        .contains("runs only on the embedded H2 database");
    // mvn spring-boot:run: no profile (so the demo), no environment
    assertThat(start()).isNull();
    assertThat(start("--spring.profiles.active=demo", "--spring.datasource.url=jdbc:h2:mem:demo")).isNull();
    // the test profile has a salt of its own
    assertThat(start("--spring.profiles.active=test")).isNull();
  }

  /** The demo with secrets of its own, and every configuration logger turned up: none of the secrets is in the log. */
  @Test
  void aRealStartLogsNoConfiguredSecret(CapturedOutput output) {
    String admin = "Admin-Log-" + UUID.randomUUID();
    String demo = "Demo-Log-" + UUID.randomUUID();
    String db = "Db-Log-" + UUID.randomUUID();
    String mail = "Mail-Log-" + UUID.randomUUID();
    String salt = "Salt-Log-" + UUID.randomUUID();
    List<String> loggers = List.of("org.springframework.boot.context.config", "org.springframework.boot.autoconfigure",
        "org.camunda.bpm.spring.boot", "com.zaxxer.hikari", "org.springframework.security", "org.remoteservices");
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:mem:startup-log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa", "--spring.datasource.password=" + db,
        // an engine of its own name: the test JVM's other contexts keep theirs
        "--camunda.bpm.process-engine-name=startupLogTest", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.admin-user.password=" + admin, "--rso.demo.password=" + demo, "--rso.privacy.tombstone-salt=" + salt,
        "--spring.mail.host=localhost", "--spring.mail.port=" + TestMailServer.port(), "--spring.mail.username=rso",
        "--spring.mail.password=" + mail, "--server.port=0", "--rso.file-store.root=target/startup-log-files"));
    loggers.forEach(logger -> args.add("--logging.level." + logger + "=trace"));
    // not closed here: closing a Camunda webapp resets the webapps' static runtime state that every other application in
    // this test JVM shares (their Cockpit and login would answer 500); it is closed when the JVM ends, as the cached
    // test contexts are
    try {
      ConfigurableApplicationContext context = SpringApplication.run(RemoteServicesApplication.class, args.toArray(String[]::new));
      assertThat(context.isRunning()).isTrue();
    } finally {
      LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
      loggers.forEach(logger -> logging.setLogLevel(logger, null));
    }
    String log = output.getAll();
    assertThat(log).contains("DEMO PROFILE", "olivia");
    assertThat(log).doesNotContain(admin, demo, db, mail, salt, "Using generated security password");
  }
}
