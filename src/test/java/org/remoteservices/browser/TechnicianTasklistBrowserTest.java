package org.remoteservices.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.privacy.PrivacyTestSupport;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.testsupport.HttpLifecycles;
import org.remoteservices.testsupport.Mails.Mail;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Debian's Chromium, in real Camunda Tasklist: a technician logs in on Tasklist's login page and completes the four
 * remote-support tasks through their forms (check the returned RSSV, schedule the session, run it, document the work
 * order), claiming each, the site in Berlin and the browser in New York (times are typed and shown in the site's zone, a
 * malformed one is refused with a sentence in Tasklist); the recording is uploaded on the staff case page the run-session form links to, and the form
 * then says a file is attached and asks for no reference. axe-core runs on the staff pages visited (Tasklist is
 * Camunda's). Asserted: the path the process took, the stored recording, session times and work order, and the work
 * order mailed to the job's site and scheduling contacts.
 */
@Tag("browser")
class TechnicianTasklistBrowserTest extends PrivacyTestSupport {
  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired HistoryService history;

  @BeforeAll
  static void installed() {
    Browser.assumeInstalled();
  }

  @Test
  void technicianCompletesTheFourTasksInTasklistWithTheRecordingUploadedOnTheCasePage() throws Exception {
    // the site in Berlin, the technician's browser in New York: the form takes and shows the site's wall-clock time
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    Job job = new Job("J-" + suffix, "Berlin Site " + suffix, suffix + " Unter den Linden, Berlin",
        new Job.Contact("Site Contact " + suffix, "site-" + suffix + "@example.com", "+49 30 0001"),
        new Job.Contact("Scheduling Contact " + suffix, "schedule-" + suffix + "@example.com", "+49 30 0002"),
        java.time.LocalDate.of(2031, 1, 1), "Europe/Berlin");
    jobs.insert(job);
    String email = "tasklist.customer." + System.nanoTime() + "@example.com";
    String id = lifecycle.submit(job, "Theo Tasklist", email);
    runDueJobs();
    lifecycle.signRssvOnline(id, "Theo Tasklist");
    runDueJobs();
    String number = SupportRequest.caseNumberOf(jdbc.sql("select case_seq from support_request where id = ?").param(id).query(Long.class).single());
    String processInstanceId = lifecycle.instance(id).getId();

    users.login(Role.ADMIN); // with no administrator the webapps show their first-user setup page instead of the login
    TestUsers.Login technician = users.login(Role.TECHNICIAN);
    Path video = Files.createTempFile("session-", ".mp4");
    Files.write(video, "the session's video".getBytes(StandardCharsets.UTF_8));
    try (Browser desk = new Browser(port, 1400, 1000, false, "America/New_York")) {
      desk.loginToTasklist(technician.user(), technician.password());

      // 1. Check returned RSSV
      Task check = taskAt(id, RemoteSupportProcess.Elements.CHECK_RSSV);
      desk.openTask(check.getId());
      desk.claim(check.getId());
      assertThat(desk.text()).contains("Download the returned form");
      desk.choose("Accept: complete and signed");
      desk.screenshot("tasklist-check-rssv");
      completeIn(desk, check);

      // 2. Schedule remote session: typed in the site's zone, whatever the browser's; a wrong format is refused with a sentence
      Task schedule = taskAt(id, RemoteSupportProcess.Elements.SCHEDULE_SESSION);
      desk.openTask(schedule.getId());
      desk.claim(schedule.getId());
      assertThat(desk.text()).contains("Session start (yyyy-MM-dd HH:mm, Europe/Berlin time)", "local timezone: America/New_York");
      desk.fill("Session start", "1.12.2026 15:32");
      desk.complete();
      HttpLifecycles.await("the refusal shown", Duration.ofSeconds(20), () -> desk.notifications().contains("Session start"));
      assertThat(desk.notifications()).contains("\"Session start\" must be a date and time like 2026-12-01 14:30 (year-month-day hours:minutes, "
          + "Europe/Berlin time)").doesNotContain("input_", "ENGINE-");
      desk.screenshot("tasklist-schedule-session-refused");
      assertThat(tasks.createTaskQuery().taskId(schedule.getId()).count()).as("refused: the task stays open").isOne();
      desk.openTask(schedule.getId());
      desk.fill("Session start", "2026-12-01 15:32");
      desk.screenshot("tasklist-schedule-session");
      completeIn(desk, schedule);
      assertThat(jdbc.sql("select scheduled_start from remote_session where support_request_id = ?").param(id)
          .query(java.sql.Timestamp.class).single().toInstant()).as("15:32 in Berlin is 14:32 UTC, not rounded, not New York's")
          .isEqualTo(java.time.Instant.parse("2026-12-01T14:32:00Z"));

      // 3. Run remote session: the form links to the case page, where the recording is uploaded
      Task run = taskAt(id, RemoteSupportProcess.Elements.RUN_SESSION);
      desk.openTask(run.getId());
      desk.claim(run.getId());
      assertThat(desk.text()).contains("Recording: no file attached yet");
      desk.screenshot("tasklist-run-session-before-upload");
      desk.click(By.cssSelector(".fjs-form a[href='/staff/cases/" + number + "']"));
      desk.visible(By.id("recording-file"));
      desk.check("staff-case-upload-recording");
      desk.driver.findElement(By.id("recording-file")).sendKeys(video.toString());
      desk.click(By.cssSelector("#recording form button[type=submit]"));
      desk.visible(By.tagName("h1"));
      assertThat(desk.text()).contains("The recording file is attached");
      desk.check("staff-case-recording-attached");
      assertThat(jdbc.sql("select kind from recording where support_request_id = ?").param(id).query(String.class).list())
          .as("the uploaded recording is stored").containsExactly("FILE");

      desk.openTask(run.getId());
      assertThat(desk.text()).contains("Recording: a file is attached to this session")
          .doesNotContain("Recording reference (GoTo Rescue session id or archive path)");
      assertThat(desk.text()).contains("Europe/Berlin (UTC+01:00)");
      desk.screenshot("tasklist-run-session-attached");
      desk.fill("Session started", "2026-12-01 15:32");
      desk.fill("Session ended", "2026-12-01 16:07");
      desk.choose("Yes, the issue is resolved");
      desk.fill("Session notes", "Reloaded the scene schedule; processor event log checked");
      desk.choose("Processor event log");
      desk.screenshot("tasklist-run-session");
      completeIn(desk, run);
      assertThat(jdbc.sql("select status from remote_session where support_request_id = ?").param(id).query(String.class).single())
          .isNotEqualTo("SCHEDULED");

      // 4. Document work order
      Task document = taskAt(id, RemoteSupportProcess.Elements.DOCUMENT_WORK_ORDER);
      desk.openTask(document.getId());
      desk.claim(document.getId());
      desk.fill("Work summary", "Scene schedule repaired");
      desk.fill("Actions taken", "Reloaded the processor database");
      desk.screenshot("tasklist-document-work-order");
      completeIn(desk, document);

      desk.open("/staff/cases/" + number);
      desk.visible(By.tagName("h1"));
      assertThat(desk.text()).contains("Work order sent");
      desk.check("staff-case-after-tasklist");

      // the technician's own task mails: switched off and on again on the staff page (same login)
      desk.open("/staff/notifications");
      desk.visible(By.id("current"));
      assertThat(desk.text()).contains("Task mails are on for " + technician.user());
      desk.check("staff-notifications");
      desk.click(By.cssSelector("main form button[type=submit]"));
      desk.visible(By.id("current"));
      assertThat(desk.text()).contains("Task mails are switched off");
      desk.check("staff-notifications-off");
      assertThat(jdbc.sql("select mails_on from task_mail_setting where user_id = ?").param(technician.user()).query(Boolean.class).single())
          .isFalse();
      desk.click(By.cssSelector("main form button[type=submit]"));
      desk.visible(By.id("current"));
      assertThat(desk.text()).contains("Task mails are switched on");
    }

    List<String> passed = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished().list()
        .stream().map(HistoricActivityInstance::getActivityId).toList();
    assertThat(passed).contains(RemoteSupportProcess.Elements.CHECK_RSSV, RemoteSupportProcess.Elements.SCHEDULE_SESSION,
        RemoteSupportProcess.Elements.RUN_SESSION, RemoteSupportProcess.Elements.DOCUMENT_WORK_ORDER);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).finished().list())
        .as("every task completed by the technician who claimed it")
        .allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo(technician.user()));
    assertThat(jdbc.sql("select count(*) from work_order where support_request_id = ? and sent_at is not null").param(id)
        .query(Integer.class).single()).isOne();
    String subject = "Work order for job " + job.jobNumber() + ", case " + number;
    for (String contact : List.of(job.siteContact().email(), job.schedulingContact().email())) {
      List<Mail> workOrders = mailsTo(contact).stream().filter(m -> m.subject().equals(subject)).toList();
      assertThat(workOrders).as("the work order mailed to " + contact).hasSize(1);
      assertThat(workOrders.get(0).attachment(".pdf").pdfText()).contains("Scene schedule repaired", "Reloaded the processor database");
    }
    assertThat(mailsTo(email)).as("the requester gets no work order").noneMatch(m -> m.subject().equals(subject));
    assertThat(HttpLifecycles.subjectsFor(MAIL, job.schedulingContact().email())).anyMatch(s -> s.endsWith("1 December 2026, 15:32 Europe/Berlin (14:32 UTC)"));
    assertThat(jdbc.sql("select ended_at from remote_session where support_request_id = ?").param(id).query(java.sql.Timestamp.class).single()
        .toInstant()).isEqualTo(java.time.Instant.parse("2026-12-01T15:07:00Z"));
  }

  private Task taskAt(String id, String taskDefinitionKey) {
    Task task = lifecycle.task(id);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskDefinitionKey);
    return task;
  }

  /** Presses Complete and waits until the engine has the task completed, then runs the jobs that follow it. */
  private void completeIn(Browser desk, Task task) {
    desk.complete();
    try {
      HttpLifecycles.await("task " + task.getName() + " completed", Duration.ofSeconds(20),
          () -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    } catch (AssertionError e) {
      desk.screenshot("failed-" + task.getTaskDefinitionKey());
      throw new AssertionError(e.getMessage() + "; Tasklist says: " + desk.notifications(), e);
    }
    runDueJobs();
  }
}
