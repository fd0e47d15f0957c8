package org.remoteservices.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.support.adapter.camunda.RemoteSupportProcess.RecordingRetention.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recordings really destroyed (issue 11): a recording on the tool's server goes to an operator who deletes it there and
 * confirms (reminded after two days, escalated after a week); an uploaded one gets its timer at once; support files are
 * added by upload or reference and shown with their deadline.
 */
class RecordingRetentionTest extends IntegrationTest {
  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired TestUsers users;

  private String scheduledSession(Job job) {
    String id = lifecycle.submit(job, "Rita Recorded", "rita@example.org");
    runDueJobs();
    lifecycle.signRssvOnline(id, "Rita Recorded");
    lifecycle.acceptAndSchedule(id);
    return id;
  }

  private ProcessInstance retention(String recordingId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(recordingId).singleResult();
  }

  private Task deletionTask(ProcessInstance retention) {
    return tasks.createTaskQuery().processInstanceId(retention.getId()).taskDefinitionKey(CONFIRM_DELETION).singleResult();
  }

  private static void clockAt(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  @Test
  void aRecordingOnTheToolsServerIsDeletedThereByAnOperator_remindedAfterTwoDays_escalatedAfterAWeek_confirmedWhoWhenHow() {
    users.login(Role.OPERATOR); // an operator and a process admin with e-mail addresses
    users.login(Role.PROCESS_ADMIN);
    Job job = lifecycle.newJob();
    String id = scheduledSession(job);
    lifecycle.recordOutcome(id, "2026-12-01T14:30Z", "2026-12-01T15:10Z", true, null);
    runDueJobs();
    String recordingId = jdbc.sql("select id from recording where support_request_id = ?").param(id).query(String.class).single();
    ProcessInstance retention = retention(recordingId);

    clockAt("2027-05-30T15:11:00Z"); // 180 days after the session's end
    runDueJobs();
    assertThat(retention).isWaitingAt(CONFIRM_DELETION).hasPassed(DESTROY_RECORDING);
    Task task = deletionTask(retention);
    assertThat(task.getName()).startsWith("Delete recording " + recordingId.substring(0, 8) + " of case RS-").endsWith(" on the recording server")
        .doesNotContain("GTR-"); // the reference is personal data: not in the engine's task tables
    assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> "operators".equals(l.getGroupId()));
    assertThat(jdbc.sql("select external_ref from recording where id = ?").param(recordingId).query(String.class).single()).startsWith("GTR-");

    advanceClock(Duration.ofDays(2).plusMinutes(1));
    assertThat(retention).isWaitingAt(CONFIRM_DELETION).hasPassed(MAIL_REMINDER, REMINDER_SENT);
    Mails.Mail reminder = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().startsWith("Reminder: delete recording"))
        .findFirst().orElseThrow();
    assertThat(reminder.to()).contains("secoperator@staff.example.com").doesNotContain("rita@example.org");
    assertThat(reminder.body()).contains("GTR-"); // where to find it: the mail is on record with the case, erased with it
    assertThat(retention).hasNotPassed(ESCALATE);

    advanceClock(Duration.ofDays(5));
    assertThat(retention).isWaitingAt(CONFIRM_DELETION).hasPassed(ESCALATE, ESCALATED);
    Mails.Mail escalation = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().startsWith("Escalation: delete recording"))
        .findFirst().orElseThrow();
    assertThat(escalation.to()).anyMatch(a -> a.startsWith("secprocessadmin") || a.contains("processadmin"));
    assertThat(deletionTask(retention).getPriority()).isEqualTo(100);

    // the confirmation is checked on the server: a time in the future and an unknown method are refused, nothing stored
    Map<String, Object> future = new HashMap<>(Map.of("input_deletedAt", "2030-01-01T00:00Z", "input_deletionMethod", "DELETED_IN_TOOL_CONSOLE"));
    assertThatThrownBy(() -> forms.submitTaskForm(task.getId(), future)).isNotNull();
    assertThatThrownBy(() -> forms.submitTaskForm(task.getId(), new HashMap<>(Map.of("input_deletedAt", "2027-06-05T10:00Z",
        "input_deletionMethod", "SHREDDED")))).isNotNull();
    assertThat(retention).isWaitingAt(CONFIRM_DELETION);

    forms.submitTaskForm(task.getId(), new HashMap<>(Map.of("input_deletedBy", "olivia", "input_deletedAt", "2027-06-05T10:00Z",
        "input_deletionMethod", "DELETED_IN_TOOL_CONSOLE")));
    assertThat(retention).isEnded().hasPassed(DELETION_CONFIRMED);
    Map<String, Object> record = jdbc.sql("select method, confirmed_by, deleted_at, confirmation from recording_destruction where recording_id = ?")
        .param(recordingId).query().singleRow();
    assertThat(record.get("METHOD")).isEqualTo("DELETION_CONFIRMED_BY_OPERATOR");
    assertThat(record.get("CONFIRMED_BY")).isEqualTo("olivia");
    assertThat(((java.sql.Timestamp) record.get("DELETED_AT")).toInstant()).isEqualTo(Instant.parse("2027-06-05T10:00:00Z"));
    assertThat(record.get("CONFIRMATION")).isEqualTo("DELETED_IN_TOOL_CONSOLE");
    assertThat(jdbc.sql("select external_ref from recording where id = ?").param(recordingId).query(String.class).optional()).isEmpty();
    assertThat(jdbc.sql("select count(*) from act_hi_varinst where name_ like 'input_%'").query(Integer.class).single()).isZero();
  }

  @Test
  void aRecordingUploadedBeforeTheOutcomeGetsItsTimerAtOnce_theOutcomeMovesIt() throws Exception {
    Job job = lifecycle.newJob();
    String id = scheduledSession(job);
    String sessionId = jdbc.sql("select id from remote_session where support_request_id = ?").param(id).query(String.class).single();
    String recordingId = lifecycle.sessions.uploadRecording(sessionId, new java.io.ByteArrayInputStream("video".getBytes()));
    ProcessInstance retention = retention(recordingId);
    assertThat(retention).isWaitingAt(RETENTION_ELAPSED); // at once, before any outcome
    assertThat(management.createJobQuery().processInstanceId(retention.getId()).timers().singleResult().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-12-01T14:30:00Z").plus(Duration.ofDays(180))); // from the scheduled start, for now

    lifecycle.submitForm(id, Map.of("input_startedAt", "2026-12-01T14:30Z", "input_endedAt", "2026-12-01T16:00Z",
        "sessionResolved", "true", "input_sessionNotes", "done"));
    runDueJobs();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(recordingId).count()).isOne();
    assertThat(management.createJobQuery().processInstanceId(retention.getId()).timers().singleResult().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-12-01T16:00:00Z").plus(Duration.ofDays(180))); // moved to the session's end + 180 days

    clockAt("2027-05-30T16:01:00Z");
    runDueJobs();
    assertThat(retention).isEnded().hasPassed(DESTROYED);
    assertThat(jdbc.sql("select method from recording_destruction where recording_id = ?").param(recordingId).query(String.class).single())
        .isEqualTo("FILE_DELETED");
  }

  @Test
  void techniciansAddSupportFilesByUploadOrReference_eachShownWithItsDeadline_strangersGetNothing() {
    Job job = lifecycle.newJob(); // obsolescence 30 June 2030: kept until 30 June 2040
    String id = scheduledSession(job);
    lifecycle.recordOutcome(id, "2026-12-01T14:30Z", "2026-12-01T15:10Z", true, null); // lists PROCESSOR_EVENT_LOG and GUI_LOGS
    runDueJobs();
    Http http = new Http(port);
    TestUsers.Login technician = users.login(Role.TECHNICIAN);
    String base = "/api/support-requests/" + id + "/support-files";

    Http.Response uploaded = http.post(base + "?category=GUI_LOGS").as(technician)
        .multipart("file", "gui.log", "text/plain", "GUI log lines".getBytes(StandardCharsets.UTF_8)).send();
    assertThat(uploaded.status()).isEqualTo(201);
    assertThat(uploaded.json().get("source").asText()).isEqualTo("UPLOAD");
    assertThat(uploaded.json().get("retainUntil").asText()).isEqualTo("2040-06-30");
    Http.Response reference = http.post(base + "/references").as(technician)
        .json("{\"category\":\"WIRESHARK_CAPTURE\",\"reference\":\"sftp://transfer.example.com/cases/capture-1.pcapng\"}").send();
    assertThat(reference.status()).isEqualTo(201);
    assertThat(reference.json().get("reference").asText()).isEqualTo("sftp://transfer.example.com/cases/capture-1.pcapng");

    Http.Response list = http.get(base).as(users.login(Role.OPERATOR)).send();
    assertThat(list.status()).isEqualTo(200);
    List<String> rows = new java.util.ArrayList<>();
    list.json().forEach(f -> rows.add(f.get("category").asText() + ":" + f.get("source").asText() + ":" + f.get("retainUntil").asText()));
    assertThat(rows).containsExactlyInAnyOrder("PROCESSOR_EVENT_LOG:LISTED:2040-06-30", "GUI_LOGS:UPLOAD:2040-06-30",
        "WIRESHARK_CAPTURE:REFERENCE:2040-06-30"); // the upload filled the category listed at the outcome
    String key = jdbc.sql("select file_key from support_file where support_request_id = ? and category = 'GUI_LOGS'").param(id)
        .query(String.class).single();
    assertThat(key).isEqualTo("support-files/" + id + "/" + uploaded.json().get("id").asText() + ".bin"); // from ids, not the file name

    assertThat(http.post(base + "/references").as(technician).json("{\"category\":\"TEA_LEAVES\",\"reference\":\"x\"}").send().status())
        .isEqualTo(400);
    assertThat(http.post(base + "/references").as(technician).json("{\"category\":\"GUI_LOGS\",\"reference\":\"\"}").send().status())
        .isEqualTo(400);
    assertThat(http.get(base).send().status()).isEqualTo(401);
    assertThat(http.get(base).as(users.login(Role.PRIVACY_OFFICER)).send().status()).isEqualTo(403);
    assertThat(http.post(base + "/references").as(users.login(Role.OPERATOR))
        .json("{\"category\":\"GUI_LOGS\",\"reference\":\"share://x\"}").send().status()).isEqualTo(403);
    assertThat(http.get("/api/support-requests/" + id + "/recordings").as(users.login(Role.OPERATOR)).send().json().get(0).get("reference")
        .asText()).startsWith("GTR-");
  }
}
