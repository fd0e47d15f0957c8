package org.remoteservices.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.adapter.db.JobRepository;
import org.remoteservices.support.adapter.db.SupportRequestRepository;
import org.remoteservices.support.application.RssvLinkService;
import org.remoteservices.support.application.SupportRequestService;
import org.remoteservices.support.application.SurveyService;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Drives remote-support lifecycles the way their users do: the customer through the application's use
 * cases (what the portal calls), the technician by submitting task forms (what Tasklist does).
 */
@Component
public class Lifecycle {
  @Autowired JobRepository jobs;
  @Autowired SupportRequestService supportRequests;
  /** The customer's RSSV link (what the portal calls). */
  @Autowired public RssvLinkService rssv;
  @Autowired public SurveyService surveys;
  @Autowired public org.remoteservices.support.application.SessionService sessions;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired SupportRequestRepository requests;

  /** Registers a fresh job (unique number) with its own contacts. */
  public Job newJob() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Job job = new Job("J-" + suffix, "Test Site " + suffix, suffix + " Test Street, Testville",
        new Job.Contact("Site Contact " + suffix, "site-" + suffix + "@example.com", "+1 555 0001"),
        new Job.Contact("Scheduling Contact " + suffix, "schedule-" + suffix + "@example.com", "+1 555 0002"),
        LocalDate.of(2030, 6, 30));
    jobs.insert(job);
    return job;
  }

  public String submit(Job job, String name, String email) {
    return supportRequests.submit(name, "+1 555 0100", email, job.jobNumber()).id();
  }

  public ProcessInstance instance(String supportRequestId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.KEY)
        .processInstanceBusinessKey(supportRequestId).singleResult();
  }

  public Task task(String supportRequestId) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(supportRequestId).list();
    assertThat(open).as("open tasks of " + supportRequestId).hasSize(1);
    return open.get(0);
  }

  /** Submits the open task's form as Tasklist would. */
  public void submitForm(String supportRequestId, Map<String, Object> fields) {
    forms.submitTaskForm(task(supportRequestId).getId(), new HashMap<>(fields));
  }

  public void acceptRssv(String id) {
    submitForm(id, Map.of("rssvAccepted", "true"));
  }

  public void rejectRssv(String id, String reason) {
    submitForm(id, Map.of("rssvAccepted", "false", "input_rejectionReason", reason));
  }

  public void schedule(String id, String start) {
    submitForm(id, Map.of("input_sessionStart", start, "input_sessionMinutes", 60L));
  }

  public void recordOutcome(String id, String start, String end, boolean resolved, Boolean followUp) {
    Map<String, Object> fields = new HashMap<>(Map.of(
        "input_startedAt", start, "input_endedAt", end, "sessionResolved", String.valueOf(resolved),
        "input_sessionNotes", "Checked processor event log", "input_recordingReference", "GTR-" + id.substring(0, 6),
        "input_supportFiles", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"PROCESSOR_EVENT_LOG\",\"GUI_LOGS\"]").create()));
    if (followUp != null) {
      fields.put("followUpSession", String.valueOf(followUp));
    }
    submitForm(id, fields);
  }

  public void documentWorkOrder(String id) {
    submitForm(id, Map.of("input_workSummary", "Scene schedule repaired", "input_actionsTaken", "Reloaded the processor database"));
  }

  // --- whole stretches of a lifecycle, for tests about what happens after them

  /** The customer signs online through the RSSV link last mailed to them (the form, a reminder or a rejection). */
  public void signRssvOnline(String id, String signer) {
    String email = requests.get(id).requesterEmail();
    String token = Mails.read(TestMailServer.instance().getReceivedMessages()).stream()
        .filter(m -> m.to().contains(email) && m.body().contains("/portal/rssv/")).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no RSSV link mailed to the requester of " + id)).linkToken("/portal/rssv/");
    rssv.signOnline(token, signer, true);
  }

  /** From "Check returned RSSV": accepted, the session scheduled for 1 December 2026 14:30 UTC and the invitation mailed. */
  public void acceptAndSchedule(String id) {
    acceptRssv(id);
    schedule(id, "2026-12-01T14:30Z");
    runDueJobs();
  }

  /** From "Run remote session": resolved (14:30-15:10 UTC), the work order documented and mailed, the survey step run. */
  public void resolveAndDocument(String id) {
    recordOutcome(id, "2026-12-01T14:30Z", "2026-12-01T15:10Z", true, null);
    runDueJobs();
    documentWorkOrder(id);
    runDueJobs();
  }

  /**
   * From "Await signed RSSV" (the form mailed) to the survey: signed online, accepted, one session that resolved the
   * issue, the work order sent; the survey is mailed unless a survey gate forbids it.
   */
  public void toSurvey(String id, String signer) {
    signRssvOnline(id, signer);
    acceptAndSchedule(id);
    resolveAndDocument(id);
  }

  /** Runs every job due now (async continuations, due timers), as a test's runDueJobs(). */
  public void runDueJobs() {
    IntegrationTest.runDueJobs(management);
  }
}
