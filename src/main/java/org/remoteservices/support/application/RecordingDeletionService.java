package org.remoteservices.support.application;

import java.time.Instant;
import java.util.List;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.mail.MailTemplates;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.application.port.StaffDirectory;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.Recording;
import org.remoteservices.support.domain.RecordingDeletionMethod;
import org.remoteservices.support.domain.SupportRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A recording kept on the remote-session tool's server, at the end of its 180 days: an operator deletes it there and
 * confirms who deleted it, when and how; a reminder to the operators after two days, an escalation after a week. The
 * destruction record keeps the confirmation (staff id, time, a method from a fixed list: no free text).
 */
@Service
public class RecordingDeletionService {
  private static final Logger LOG = LoggerFactory.getLogger(RecordingDeletionService.class);

  private final SessionStore sessions;
  private final SupportRequestStore requests;
  private final SessionService sessionService;
  private final StaffDirectory staff;
  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final RemoteSupportPolicy policy;
  private final TimeSource time;
  private final String reminderGroup;
  private final String escalationGroup;

  public RecordingDeletionService(SessionStore sessions, SupportRequestStore requests, SessionService sessionService, StaffDirectory staff,
      MailOutbox outbox, RemoteSupportPolicy policy, TimeSource time,
      @Value("${rso.recording.deletion-reminder-group:operators}") String reminderGroup,
      @Value("${rso.recording.deletion-escalation-group:processadmins}") String escalationGroup, MailTemplates templates) {
    this.templates = templates;
    this.sessions = sessions;
    this.requests = requests;
    this.sessionService = sessionService;
    this.staff = staff;
    this.outbox = outbox;
    this.policy = policy;
    this.time = time;
    this.reminderGroup = reminderGroup;
    this.escalationGroup = escalationGroup;
  }

  /** The readable subject of the operator's task: recording id and case number, never the reference (personal data). */
  public String taskName(String recordingId) {
    Recording recording = recording(recordingId);
    return "Delete recording " + recordingId.substring(0, 8) + " of case " + requests.get(recording.supportRequestId()).caseNumber()
        + " on the recording server";
  }

  /**
   * The operator's confirmation. Refused (REJECTED, nothing stored: the task stays open) for a time in the future or before
   * the end of the retention; CONFLICT for a recording that is no reference on the tool's server or is already destroyed.
   */
  @Transactional
  public void confirmDeletion(String recordingId, String confirmedBy, Instant deletedAt, RecordingDeletionMethod method) {
    Recording recording = recording(recordingId);
    if (recording.destroyedAt() != null) {
      throw DomainException.conflict("recording " + recordingId + " is already destroyed");
    }
    if (recording.externalRef() == null) {
      throw DomainException.conflict("recording " + recordingId + " is no reference to the recording server");
    }
    Instant now = time.now();
    sessionService.requireRetentionOver(recording, now);
    if (deletedAt.isAfter(now.plusSeconds(300))) {
      throw DomainException.rejected("the deletion time is in the future");
    }
    sessions.markDestroyed(recordingId, now);
    sessions.insertConfirmedDestructionRecord(recordingId, recording.destroyAfter().minus(policy.recording().keepFor()), now,
        "DELETION_CONFIRMED_BY_OPERATOR", confirmedBy, deletedAt, method.name());
    LOG.info("recording {}: deletion on the recording server confirmed by {} ({})", recordingId, confirmedBy, method);
  }

  /** Two days later, still not confirmed: the operators are reminded (once per recording). */
  @Transactional
  public void remind(String recordingId) {
    mail("recording-deletion-reminder:" + recordingId, reminderGroup, recordingId, "Reminder: ");
  }

  /** A week later, still not confirmed: escalated to the process administrators (once per recording). */
  @Transactional
  public void escalate(String recordingId) {
    mail("recording-deletion-escalation:" + recordingId, escalationGroup, recordingId, "Escalation: ");
  }

  private void mail(String key, String group, String recordingId, String prefix) {
    Recording recording = recording(recordingId);
    if (recording.destroyedAt() != null) {
      return; // confirmed meanwhile
    }
    List<String> to = staff.emailsOf(group);
    if (to.isEmpty()) {
      LOG.warn("recording {}: nobody in group {} has an e-mail address; the task stays open in Tasklist", recordingId, group);
      return;
    }
    SupportRequest request = requests.get(recording.supportRequestId());
    outbox.deliverOnce(key, () -> templates.mail(recording.supportRequestId(), to,
        prefix + "delete recording " + recordingId.substring(0, 8) + " of case " + request.caseNumber() + " on the recording server",
        "recording-deletion", java.util.Map.of("caseNumber", request.caseNumber(), "jobNumber", request.jobNumber(),
            "destroyAfter", Dates.format(recording.destroyAfter()), "externalRef", String.valueOf(recording.externalRef()),
            "recordingShortId", recordingId.substring(0, 8)),
        List.of()));
  }

  private Recording recording(String recordingId) {
    return sessions.recording(recordingId).orElseThrow(() -> DomainException.notFound("no recording " + recordingId));
  }
}
