package org.remoteservices.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.application.EvidenceIntakeService;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Mail after commit: every link a lifecycle mails works the moment the mail arrives. With the job executor on (as in
 * production) and mails sent by the delivery threads, each link is followed inside the SMTP server's delivery of the
 * mail, before the server has even answered "accepted": the RSSV return link (signed online), the survey link
 * (answered) and a privacy request's confirmation at the address on record. Each must succeed: the step that mailed
 * it had committed, so the instance waits for the answer and what the link opens is stored.
 */
@TestPropertySource(properties = {
    // a database of its own: this context's job executor must not run the jobs of other test classes' contexts
    "spring.datasource.url=jdbc:h2:mem:rso-mailed-links;DB_CLOSE_DELAY=-1",
    // an engine name of its own: the engine registry is static, and closing this context must not take the other
    // contexts' engine "default" (their engine REST API and webapps look it up by name) with it
    "camunda.bpm.process-engine-name=mailedLinks",
    // and no webapps: Cockpit and Tasklist keep static state that closing this context would leave broken for the others
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generic-properties.properties.jobExecutorActivate=true",
    "rso.mail.delivery.threads=2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MailedLinksOnArrivalTest extends IntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Autowired Lifecycle lifecycle;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired PrivacyRequestService privacyRequests;
  @Autowired EvidenceIntakeService evidence;

  private MessageDeliveryHandler original;
  /** What to do when a mail whose subject starts with the key arrives (run inside the delivery). */
  private final Map<String, Consumer<String>> onArrival = new ConcurrentHashMap<>();
  private final List<String> followed = new CopyOnWriteArrayList<>();
  private final List<String> failed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void followLinksOnArrival() {
    original = MAIL.getUserManager().getMessageDeliveryHandler();
    MAIL.getUserManager().setMessageDeliveryHandler((message, address) -> {
      String subject = message.getMessage().getSubject();
      String body = Mails.text(message.getMessage());
      onArrival.forEach((prefix, click) -> {
        if (subject.contains(prefix) && onArrival.remove(prefix) != null) {
          try {
            click.accept(body);
            followed.add(prefix);
          } catch (RuntimeException e) {
            failed.add(prefix + ": " + e);
          }
        }
      });
      return original.handle(message, address);
    });
  }

  @AfterEach
  void restoreDelivery() {
    MAIL.getUserManager().setMessageDeliveryHandler(original);
  }

  @Test
  void eachMailedLink_followedTheMomentTheMailArrives_works() {
    org.remoteservices.jobs.api.Job job = lifecycle.newJob();
    String requester = "ada.onarrival@example.org";

    onArrival.put("Please sign and return your Remote Session Security Verification form",
        body -> lifecycle.rssv.signOnline(token(body, "/portal/rssv/"), "Ada Requester", true));
    String id = lifecycle.submit(job, "Ada Requester", requester);
    await("the RSSV link followed on arrival", () -> !followed.isEmpty() || !failed.isEmpty());
    assertThat(failed).isEmpty();

    await("the technician's check of the returned RSSV", () -> hasTask(id, "userTask_checkRssv"));
    lifecycle.acceptRssv(id);
    await("scheduling", () -> hasTask(id, "userTask_scheduleSession"));
    lifecycle.schedule(id, "2026-12-01T14:30Z");
    await("the session", () -> hasTask(id, "userTask_runSession"));
    onArrival.put("How did we do?", body -> lifecycle.surveys.answer(token(body, "/portal/survey/"), 5, "Right away"));
    lifecycle.recordOutcome(id, "2026-12-01T14:30Z", "2026-12-01T15:10Z", true, null);
    await("the work order", () -> hasTask(id, "userTask_documentWorkOrder"));
    lifecycle.documentWorkOrder(id);
    await("the survey link followed on arrival", () -> followed.size() == 2 || !failed.isEmpty());
    assertThat(failed).isEmpty();
    await("the lifecycle's end", () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count() == 0);

    // a privacy request of the same person: the confirmation at the address on record, clicked on arrival
    onArrival.put("Please confirm", body -> evidence.confirmPossession(token(body, "/portal/privacy/identity/")));
    privacyRequests.receive(new PrivacyRequestService.Intake("PORTAL", List.of(PrivacyRight.ACCESS), "Ada Requester", requester,
        null, null, null, Jurisdiction.EU, "A copy of my data, please.", false, null, null));
    await("the privacy confirmation followed on arrival", () -> followed.size() == 3 || !failed.isEmpty());
    assertThat(failed).isEmpty();
    assertThat(followed).containsExactly("Please sign and return your Remote Session Security Verification form", "How did we do?",
        "Please confirm");
  }

  private boolean hasTask(String businessKey, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).count() > 0;
  }

  private static String token(String body, String pathPrefix) {
    Matcher m = Pattern.compile(Pattern.quote(pathPrefix) + "([A-Za-z0-9_-]{43})").matcher(body);
    if (!m.find()) {
      throw new AssertionError("no link " + pathPrefix);
    }
    return m.group(1);
  }

  private void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; followed " + followed + ", failed " + failed);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The plain text of a delivered mail. */
  static final class Mails {
    static String text(jakarta.mail.Part part) {
      try {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart mp) {
          StringBuilder out = new StringBuilder();
          for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).getFileName() == null) {
              out.append(text(mp.getBodyPart(i)));
            }
          }
          return out.toString();
        }
        return content instanceof String s ? s : "";
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
