package org.remoteservices.support.adapter.camunda;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.support.adapter.db.SupportRequestRepository;
import org.remoteservices.support.application.RssvService;
import org.remoteservices.support.domain.SupportRequest;
import org.springframework.stereotype.Component;

/**
 * Names a task after the job and case it is about ("Check returned RSSV · job J-1001 Harbour Hotel · RS-000042"),
 * so a technician's task list says what each task is for. The diagram keeps the short name. "Check returned RSSV"
 * also says what the technician must know before opening the returned copy (active content in the PDF, or that no
 * copy came back): a marker in the name, a sentence in the description. The engine's task name holds
 * {@value #NAME_MAX} characters and a job name up to 200: a long job name is shortened to fit, so the task is still
 * created (it failed on the column before).
 */
@Component
public class NameTaskAfterCaseListener implements TaskListener {
  /** {@code ACT_RU_TASK.NAME_} and {@code ACT_HI_TASKINST.NAME_} are varchar(255). */
  static final int NAME_MAX = 255;

  private final SupportRequestRepository requests;
  private final JobDirectory jobs;
  private final RssvService rssv;

  private final org.remoteservices.support.adapter.db.SessionRepository sessions;
  private final org.remoteservices.shared.time.TimeSource time;

  public NameTaskAfterCaseListener(SupportRequestRepository requests, JobDirectory jobs, RssvService rssv,
      org.remoteservices.support.adapter.db.SessionRepository sessions, org.remoteservices.shared.time.TimeSource time) {
    this.sessions = sessions;
    this.time = time;
    this.requests = requests;
    this.jobs = jobs;
    this.rssv = rssv;
  }

  @Override
  public void notify(DelegateTask task) {
    String supportRequestId = task.getExecution().getProcessBusinessKey();
    SupportRequest request = requests.get(supportRequestId);
    Optional<Job> job = jobs.find(request.jobNumber());
    String jobName = job.map(Job::jobName).orElse("");
    Optional<RssvService.CheckNotice> notice = RemoteSupportProcess.Elements.CHECK_RSSV.equals(task.getTaskDefinitionKey())
        ? rssv.checkNotice(supportRequestId) : Optional.empty();
    task.setName(name(task.getName(), request.jobNumber(), jobName, request.caseNumber(), notice.map(RssvService.CheckNotice::marker).orElse(null)));
    java.time.Instant followUp = followUp(task.getTaskDefinitionKey(), supportRequestId);
    task.setFollowUpDate(java.util.Date.from(followUp));
    if (RemoteSupportProcess.Elements.SCHEDULE_SESSION.equals(task.getTaskDefinitionKey())
        || RemoteSupportProcess.Elements.RUN_SESSION.equals(task.getTaskDefinitionKey())) {
      // the forms' time fields take the site's local time and name its zone (run-session: the offset at the session's start)
      java.time.ZoneId zone = job.map(Job::zone).orElse(java.time.ZoneOffset.UTC);
      java.time.Instant at = RemoteSupportProcess.Elements.RUN_SESSION.equals(task.getTaskDefinitionKey()) ? followUp : time.now();
      RemoteSupportProcess.Vars.SITE_TIME_ZONE.on(task.getExecution(), zone.getId());
      RemoteSupportProcess.Vars.SITE_UTC_OFFSET.on(task.getExecution(), utcOffset(zone, at));
    }
    task.setDescription("Case page: /staff/cases/" + request.caseNumber() + ". Case " + request.caseNumber() + ", job " + request.jobNumber() + " (" + jobName + ")"
        + notice.map(n -> "\n\n" + n.text()).orElse(""));
  }

  /**
   * When the task should be looked at again (Tasklist's follow-up date; remote-support tasks have no statutory due date):
   * "Run remote session" at the session's start, the others one day after they were created.
   */
  private java.time.Instant followUp(String taskDefinitionKey, String supportRequestId) {
    if (RemoteSupportProcess.Elements.RUN_SESSION.equals(taskDefinitionKey)) {
      var session = sessions.currentSession(supportRequestId);
      if (session.isPresent() && "SCHEDULED".equals(session.get().status())) {
        return session.get().scheduledStart();
      }
    }
    return time.now().plus(java.time.Duration.ofDays(1));
  }

  /** "UTC+01:00" (or "UTC" for a zone at UTC then). */
  static String utcOffset(java.time.ZoneId zone, java.time.Instant at) {
    java.time.ZoneOffset offset = zone.getRules().getOffset(at);
    return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
  }

  /**
   * "{task} · job {number} {name} · {case}[ · {marker}]", the job name shortened (with "…") where the whole would not
   * fit.
   */
  static String name(String taskName, String jobNumber, String jobName, String caseNumber, String marker) {
    String before = taskName + " · job " + jobNumber + " ";
    String after = " · " + caseNumber + (marker == null ? "" : " · " + marker);
    int room = NAME_MAX - before.length() - after.length();
    String job = jobName.length() <= room ? jobName : cut(jobName, room - 1).stripTrailing() + "…";
    String name = before + job + after;
    return name.length() <= NAME_MAX ? name : cut(name, NAME_MAX);
  }

  /** The first {@code length} characters, one fewer where the cut would split a surrogate pair. */
  private static String cut(String text, int length) {
    int end = Math.max(0, length);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
