package org.remoteservices.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.remoteservices.privacy.PrivacyTestSupport;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Elements;
import org.remoteservices.testsupport.HttpLifecycles;
import org.remoteservices.testsupport.Mails.Mail;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Debian's Chromium, in real Camunda Tasklist: a privacy officer enters a request received by phone through the
 * "Privacy request" start form, opens the request's case page from the review task (who asks, what matched), and
 * completes the review in Tasklist with the job number the caller gave; the caller confirms at the address we hold and
 * the request is answered. axe-core runs on the staff pages visited (Tasklist is Camunda's). Asserted: the path, the
 * request's channel, status and outcome, and the mails (acknowledgement, confirmation at the address on record, answer).
 */
@Tag("browser")
class PrivacyOfficerTasklistBrowserTest extends PrivacyTestSupport {
  @LocalServerPort int port;
  @Autowired TestUsers users;

  @BeforeAll
  static void installed() {
    Browser.assumeInstalled();
  }

  @Test
  void privacyOfficerEntersAPhoneRequestThroughTheStartFormAndCompletesTheReview() {
    Subject s = subject("Nora Phonecall");
    users.login(Role.ADMIN); // with no administrator the webapps show their first-user setup page instead of the login
    TestUsers.Login officer = users.login(Role.PRIVACY_OFFICER);
    String id;
    try (Browser desk = new Browser(port, 1400, 1000, false)) {
      desk.loginToTasklist(officer.user(), officer.password());
      desk.click(By.partialLinkText("Start process"));
      desk.click(By.linkText("Privacy request"));
      desk.visible(By.cssSelector(".modal .fjs-form"));
      Browser.pause(500);
      desk.select("Received by", "Phone");
      desk.choose("Access: a copy of their data");
      desk.fill("Requester's full name", s.name());
      desk.fill("Requester's email address", s.email());
      desk.fill("Phone number", s.phone());
      desk.select("Where the requester lives", "EU");
      desk.fill("Details", "Called on the support line, asks what we hold about her");
      desk.screenshot("tasklist-enter-privacy-request");
      desk.click(By.cssSelector(".modal-footer button.btn-primary"));
      HttpLifecycles.await("the phone request stored", Duration.ofSeconds(20),
          () -> jdbc.sql("select count(*) from privacy_request where requester_email = ?").param(s.email()).query(Integer.class).single() == 1);
      id = jdbc.sql("select id from privacy_request where requester_email = ?").param(s.email()).query(String.class).single();
      runDueJobs();
      assertThat(jdbc.sql("select channel from privacy_request where id = ?").param(id).query(String.class).single()).isEqualTo("OFFICER_PHONE");

      // the review task links to the request's case page: who asks, what matched, what is missing
      Task review = task(id, Elements.REVIEW_VERIFICATION);
      desk.openTask(review.getId());
      desk.claim(review.getId());
      desk.screenshot("tasklist-review-verification");
      desk.click(By.cssSelector(".fjs-form a[href='/staff/privacy-requests/" + id + "']"));
      desk.visible(By.tagName("h1"));
      assertThat(desk.text()).contains(s.name(), s.email());
      desk.check("staff-privacy-request-phone");

      desk.openTask(review.getId());
      desk.choose("Check again with the details below");
      desk.fill("Job number the requester gave", s.job().jobNumber());
      desk.screenshot("tasklist-review-verification-filled");
      desk.complete();
      HttpLifecycles.await("the review completed", Duration.ofSeconds(20), () -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
      runDueJobs();

      // on the phone as online: the caller confirms at the address we hold before anything is released
      confirmAtRecord(s.email());
      desk.open("/staff/privacy-requests/" + id);
      desk.visible(By.tagName("h1"));
      desk.check("staff-privacy-request-answered");
    }

    ProcessInstance started = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(started).as("the request's process has ended").isNull();
    List<String> passed = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(finished(id).getId()).list().stream().map(a -> a.getActivityId()).toList();
    assertThat(passed).contains(Elements.MAIL_ACKNOWLEDGEMENT, Elements.REVIEW_VERIFICATION, Elements.CHECK_IDENTITY, Elements.EXECUTE_RIGHTS,
        Elements.MAIL_FINAL_RESPONSE);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(finished(id).getId())
        .taskDefinitionKey(Elements.REVIEW_VERIFICATION).finished().list()).extracting(t -> t.getAssignee()).contains(officer.user());
    assertThat(status(id)).isEqualTo("COMPLETED");
    assertThat(outcome(id, org.remoteservices.privacy.domain.PrivacyRight.ACCESS)).startsWith("DONE");
    List<String> subjects = mailsTo(s.email()).stream().map(Mail::subject).toList();
    assertThat(subjects).anyMatch(t -> t.contains("Please confirm")).anyMatch(t -> t.contains("has been answered"));
    assertThat(PrivacyProcess.KEY).isEqualTo("privacy-request");
  }
}
