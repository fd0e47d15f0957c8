package org.remoteservices.tasknotices.application;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.mail.MailTemplates;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.tasknotices.application.port.StaffMembers;
import org.remoteservices.tasknotices.application.port.TaskMailSettings;
import org.remoteservices.tasknotices.application.port.WaitingTasks;
import org.remoteservices.tasknotices.domain.StaffMember;
import org.remoteservices.tasknotices.domain.WaitingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * "A task waits for your group": when a user task for candidate groups is created, every member of those groups with an
 * e-mail address gets one mail (task name, case number, due and follow-up dates, a link to the task in Tasklist; no
 * customer data), unless they switched task mails off; and once more {@code rso.task-mails.before-due} before the task
 * is due. Each mail goes through the outbox under a key per task, kind and recipient, so a rerun, the sweeper and a
 * second node never send one twice.
 */
@Service
public class TaskMailService {
  private static final Logger LOG = LoggerFactory.getLogger(TaskMailService.class);
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final WaitingTasks tasks;
  private final StaffMembers staff;
  private final TaskMailSettings settings;
  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final PublicLinks links;
  private final TimeSource time;
  private final boolean enabled;
  private final Duration beforeDue;
  private final Duration catchUp;

  public TaskMailService(WaitingTasks tasks, StaffMembers staff, TaskMailSettings settings, MailOutbox outbox, MailTemplates templates,
      PublicLinks links, TimeSource time, @Value("${rso.task-mails.enabled:true}") boolean enabled,
      @Value("${rso.task-mails.before-due:PT24H}") Duration beforeDue, @Value("${rso.task-mails.catch-up:PT15M}") Duration catchUp) {
    this.tasks = tasks;
    this.staff = staff;
    this.settings = settings;
    this.outbox = outbox;
    this.templates = templates;
    this.links = links;
    this.time = time;
    this.enabled = enabled;
    this.beforeDue = beforeDue;
    this.catchUp = catchUp;
  }

  public boolean enabled() {
    return enabled;
  }

  /** A task was created (its transaction committed): its groups' members are told it waits. */
  public void taskWaiting(String taskId) {
    if (enabled) {
      tasks.open(taskId).ifPresent(task -> mail(task, Kind.WAITING));
    }
  }

  /**
   * The sweeper (every node may run it): tasks created within the catch-up window whose mail did not go (a node stopped
   * between the commit and the mail), and the reminder of tasks due within {@code before-due}. A task created when its
   * due date was already that close gets no reminder: the first mail named the date.
   */
  public void sweep() {
    if (!enabled) {
      return;
    }
    Instant now = time.now();
    for (WaitingTask task : tasks.createdSince(now.minus(catchUp))) {
      mail(task, Kind.WAITING);
    }
    for (WaitingTask task : tasks.dueBetween(now, now.plus(beforeDue))) {
      if (task.created().isBefore(task.due().minus(beforeDue))) {
        mail(task, Kind.DUE_SOON);
      }
    }
  }

  /** The address this staff member's task mails go to, if the account has one. */
  public java.util.Optional<String> emailOf(String userId) {
    return staff.emailOf(userId);
  }

  public Duration beforeDue() {
    return beforeDue;
  }

  /** Whether this staff member gets task mails (the default). */
  public boolean mailsOn(String userId) {
    return settings.mailsOn(userId);
  }

  /** The staff member switches their own task mails on or off. */
  public void switchMails(String userId, boolean on) {
    settings.set(userId, on, time.now());
    LOG.info("task mails of {} switched {}", userId, on ? "on" : "off");
  }

  enum Kind { WAITING, DUE_SOON }

  private void mail(WaitingTask task, Kind kind) {
    Map<String, StaffMember> recipients = new LinkedHashMap<>();
    for (String group : task.candidateGroups()) {
      for (StaffMember member : staff.withEmailIn(group)) {
        recipients.putIfAbsent(member.userId(), member);
      }
    }
    for (StaffMember member : recipients.values()) {
      if (!settings.mailsOn(member.userId())) {
        continue;
      }
      String key = (kind == Kind.WAITING ? "task-waiting:" : "task-due:") + task.taskId() + ":" + member.userId();
      try {
        outbox.deliverOnce(key, () -> compose(task, kind, member));
      } catch (RuntimeException e) {
        // stored before the SMTP attempt: the outbox's sweeper delivers it; a task mail never fails the step that made the task
        LOG.warn("task mail {} not sent now ({}); the mail sweeper retries it", key, e.toString());
      }
    }
  }

  private org.remoteservices.shared.mail.OutgoingMail compose(WaitingTask task, Kind kind, StaffMember member) {
    String about = task.name() + (task.caseReference() != null ? " (" + task.caseReference() + ")" : "");
    String subject = kind == Kind.WAITING ? "A task waits for your group: " + about
        : "Due " + UTC.format(task.due()) + ": " + about;
    Map<String, Object> model = new HashMap<>();
    model.put("reminder", kind == Kind.DUE_SOON);
    model.put("userId", member.userId());
    model.put("taskName", task.name());
    model.put("caseReference", task.caseReference() == null ? "" : task.caseReference());
    model.put("groups", String.join(", ", task.candidateGroups()));
    model.put("due", task.due() == null ? "" : UTC.format(task.due()));
    model.put("followUp", task.followUp() == null ? "" : UTC.format(task.followUp()));
    model.put("taskLink", links.link("/camunda/app/tasklist/default/#/?task=" + task.taskId()));
    model.put("caseLink", task.casePath() == null ? "" : links.link(task.casePath()));
    model.put("settingsLink", links.link("/staff/notifications"));
    return templates.mail(null, List.of(member.email()), subject, "task-waiting", model, List.of());
  }
}
