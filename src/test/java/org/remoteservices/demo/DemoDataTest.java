package org.remoteservices.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.remoteservices.jobs.api.JobDirectory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Profile;

/** The demo seed exists only in the demo profile, and says loudly that it is a demo. */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTest {
  @Test
  void onlyInTheDemoProfile() {
    assertThat(DemoData.class.getAnnotation(Profile.class).value()).containsExactly("demo");
  }

  @Test
  void saysLoudlyThatItIsADemo(CapturedOutput output) {
    IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    new DemoData(identity, mock(JobDirectory.class), "Demo-pass", "admin").seed();
    assertThat(output.getOut()).contains("WARN", "DEMO PROFILE", "Do not use in production");
    assertThat(output.getOut()).as("the banner names the users, never their password").contains("olivia").doesNotContain("Demo-pass");
  }
}
