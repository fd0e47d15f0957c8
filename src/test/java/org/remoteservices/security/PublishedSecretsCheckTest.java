package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.remoteservices.shared.security.PublishedSecretsCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Outside the demo no published secret is accepted; the demo (published passwords) runs only on H2. Each refusal names its setting. */
class PublishedSecretsCheckTest {
  private final PublishedSecretsCheck check = new PublishedSecretsCheck();

  private static MockEnvironment production() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("postgres");
    env.setProperty("spring.datasource.url", "jdbc:postgresql://db/rso");
    env.setProperty("rso.privacy.tombstone-salt", "a-secret-of-our-own-0123456789abcdef");
    env.setProperty("camunda.bpm.admin-user.password", "Correct-Horse-Battery-Staple");
    return env;
  }

  @Test
  void productionWithSecretsOfItsOwnStarts() {
    check.postProcessEnvironment(production(), new SpringApplication());
  }

  @Test
  void theDefaultSaltIsRefusedOutsideTheDemo_namingTheSetting() {
    MockEnvironment env = production();
    env.setProperty("rso.privacy.tombstone-salt", "change-me-in-production");
    assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
        .hasMessageContaining("rso.privacy.tombstone-salt (RSO_PRIVACY_SALT) is the published default")
        .hasMessageNotContaining("change-me-in-production");
    env.setProperty("rso.privacy.tombstone-salt", " ");
    assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication())).hasMessageContaining("RSO_PRIVACY_SALT");
  }

  @Test
  void aDemoPasswordOrTheDemoDataAreRefusedOutsideTheDemo() {
    for (String setting : new String[] {"camunda.bpm.admin-user.password", "spring.datasource.password", "spring.mail.password"}) {
      MockEnvironment env = production();
      env.setProperty(setting, setting.startsWith("camunda") ? "admin-Demo-2026" : "Demo-2026");
      assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
          .hasMessageContaining(setting + " is a password the demo publishes").hasMessageNotContaining("Demo-2026");
    }
    MockEnvironment env = production();
    env.setProperty("rso.demo.enabled", "true");
    assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication())).hasMessageContaining("rso.demo.enabled");
  }

  @Test
  void theDemoRunsOnlyOnH2() {
    MockEnvironment demo = new MockEnvironment();
    demo.setDefaultProfiles("demo");
    demo.setProperty("spring.datasource.url", "jdbc:h2:file:./data/rso");
    check.postProcessEnvironment(demo, new SpringApplication()); // the published salt and passwords are the demo's to use
    demo.setProperty("spring.datasource.url", "jdbc:postgresql://db/rso");
    assertThatThrownBy(() -> check.postProcessEnvironment(demo, new SpringApplication()))
        .hasMessageContaining("runs only on the embedded H2 database").hasMessageContaining("spring.datasource.url (DB_URL)");
    MockEnvironment explicit = new MockEnvironment();
    explicit.setActiveProfiles("postgres", "demo");
    explicit.setProperty("spring.datasource.url", "jdbc:postgresql://db/rso");
    assertThatThrownBy(() -> check.postProcessEnvironment(explicit, new SpringApplication())).hasMessageContaining("embedded H2");
  }

  @Test
  void itRunsAfterTheConfigurationFilesAreRead() {
    assertThat(check.getOrder()).isEqualTo(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
  }
}
