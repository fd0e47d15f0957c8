package org.remoteservices.support.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.mail.MailAttachment;
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.mail.MailTemplates;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.RecordingServerConnector;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.Recording;
import org.remoteservices.support.domain.RemoteSession;
import org.remoteservices.support.domain.SupportFileCategory;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.SupportStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the remote session: schedule, invite, record the outcome, keep and destroy the recording. */
@Service
public class SessionService {
  private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

  private final SupportRequestStore requests;
  private final SessionStore sessions;
  private final JobDirectory jobs;
  private final FileStore files;
  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final RemoteSupportPolicy policy;
  private final TimeSource time;
  private final AcceptedRssv acceptedRssv;
  private final RecordingServerConnector recordingServer;
  private final RemoteSupportProcessPort process;

  /** What the retention's destruction step did with a recording. */
  public enum RecordingDestruction {
    /** The file deleted, or the recording deleted on the tool's server through its connector: a destruction record written. */
    DESTROYED,
    /** Kept on the tool's server, which has no deletion API: an operator deletes it there and confirms (nothing changed yet). */
    CONFIRMATION_NEEDED,
    /** Destroyed before (a rerun, or erased by a privacy request). */
    ALREADY_GONE
  }

  private CaseStatusService caseStatus;

  /** The status page's link line at the end of the mails (a setter, so the constructor stays as it was). */
  @org.springframework.beans.factory.annotation.Autowired
  void setCaseStatus(CaseStatusService caseStatus) {
    this.caseStatus = caseStatus;
  }

  public SessionService(SupportRequestStore requests, SessionStore sessions, JobDirectory jobs, FileStore files,
      MailOutbox outbox, RemoteSupportPolicy policy, TimeSource time, AcceptedRssv acceptedRssv,
      RecordingServerConnector recordingServer, RemoteSupportProcessPort process, MailTemplates templates) {
    this.templates = templates;
    this.recordingServer = recordingServer;
    this.process = process;
    this.requests = requests;
    this.sessions = sessions;
    this.jobs = jobs;
    this.files = files;
    this.outbox = outbox;
    this.policy = policy;
    this.time = time;
    this.acceptedRssv = acceptedRssv;
  }

  /**
   * Schedules the case's next session. Refused (CONFLICT, nothing stored) unless the case's latest returned RSSV was
   * accepted: the model has no other path to this step, but a moved token does ({@link AcceptedRssv}).
   */
  @Transactional
  public String schedule(String supportRequestId, Instant start, int minutes, String scheduledBy) {
    acceptedRssv.require(supportRequestId, "No session can be scheduled");
    String id = UUID.randomUUID().toString();
    sessions.insertSession(id, supportRequestId, start, minutes, scheduledBy);
    requests.updateStatus(supportRequestId, SupportStatus.SESSION_SCHEDULED);
    return id;
  }

  /**
   * Mails the requester and the job's scheduling contact an invitation with an .ics calendar file. Refused (CONFLICT,
   * nothing mailed) unless the case's latest returned RSSV was accepted and a session is scheduled.
   */
  @Transactional
  public void mailInvitation(String supportRequestId) {
    acceptedRssv.require(supportRequestId, "No session invitation is mailed");
    SupportRequest request = requests.get(supportRequestId);
    RemoteSession session = sessions.currentSession(supportRequestId).orElseThrow(() -> DomainException.conflict(
        "No session invitation is mailed for case " + request.caseNumber() + ": no session is scheduled (check the case's history in Cockpit)."));
    Job job = jobs.find(request.jobNumber()).orElseThrow();
    outbox.deliverOnce("session-invitation:" + session.id(), () -> {
      String icsKey = "sessions/" + session.id() + "/invitation.ics";
      files.write(icsKey, calendarInvitation(session, request, job).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      List<String> to = distinct(request.requesterEmail(), job.schedulingContact().email());
      return templates.mail(supportRequestId, to,
          "Remote session scheduled for case " + request.caseNumber() + ": " + Dates.format(session.scheduledStart(), job.zone()),
          "session-invitation", Map.of("jobNumber", job.jobNumber(), "jobName", job.jobName(), "caseNumber", request.caseNumber(),
              "start", Dates.format(session.scheduledStart(), job.zone()), "minutes", session.scheduledMinutes(), "statusLink", CaseStatusService.linkFor(caseStatus, supportRequestId)),
          List.of(new MailAttachment("remote-session.ics", "text/calendar", icsKey)));
    });
  }

  /**
   * Records what happened in the session. Each recording (an uploaded file, or a reference given here) is
   * kept until the configured time after the session's end; each support file until the configured years
   * after the job's system obsolescence date.
   */
  @Transactional
  public void recordOutcome(String supportRequestId, Instant startedAt, Instant endedAt, boolean resolved, boolean followUp,
      String notes, String recordingReference, List<SupportFileCategory> supportFiles) {
    RemoteSession session = currentSession(supportRequestId);
    SupportRequest request = requests.get(supportRequestId);
    Job job = jobs.find(request.jobNumber()).orElseThrow();
    sessions.recordOutcome(session.id(), startedAt, endedAt, resolved, followUp, notes);
    Instant destroyAfter = endedAt.plus(policy.recording().keepFor());
    if (recordingReference != null) {
      sessions.insertRecording(UUID.randomUUID().toString(), session.id(), supportRequestId, "REFERENCE", null, recordingReference,
          null, null, destroyAfter);
    }
    sessions.setDestroyAfter(session.id(), destroyAfter); // uploaded ones count from the session's end as well
    LocalDate retainUntil = job.systemObsolescenceDate().plus(policy.supportFileRetention());
    for (SupportFileCategory category : supportFiles) {
      sessions.insertSupportFile(UUID.randomUUID().toString(), session.id(), supportRequestId, category.name(), retainUntil);
    }
    requests.updateStatus(supportRequestId, SupportStatus.SESSION_HELD);
  }

  public java.util.Optional<String> currentSessionId(String supportRequestId) {
    return sessions.currentSession(supportRequestId).filter(s -> "SCHEDULED".equals(s.status())).map(RemoteSession::id);
  }

  public boolean hasRecording(String supportRequestId) {
    // no session (yet): nothing attached; whether the task may complete is the completing listener's check
    return sessions.currentSession(supportRequestId).map(session -> !sessions.recordingsOfSession(session.id()).isEmpty()).orElse(false);
  }

  /** A technician uploads the recording file of the current session (before recording the outcome). */
  @Transactional
  public String uploadRecording(String sessionId, InputStream content) throws IOException {
    RemoteSession session = sessions.session(sessionId).orElseThrow(() -> DomainException.notFound("no session " + sessionId));
    if (!"SCHEDULED".equals(session.status())) {
      throw DomainException.conflict("the session's outcome is already recorded");
    }
    String id = UUID.randomUUID().toString();
    String key = "recordings/" + session.supportRequestId() + "/" + id + ".video";
    String sha = files.write(key, content);
    long size = java.nio.file.Files.size(files.root().resolve(key));
    Instant provisional = session.scheduledStart().plus(policy.recording().keepFor());
    sessions.insertRecording(id, sessionId, session.supportRequestId(), "FILE", key, null, sha, size, provisional);
    // its retention timer at once (180 days from the scheduled start), not only when the outcome is recorded: a case that
    // never gets an outcome (it expires, it is cancelled) must not keep the file for ever; the outcome moves the timer
    process.startRecordingRetention(id);
    return id;
  }

  /** The case's site time zone (the job's {@code timeZone}; UTC when the job is gone): session times are typed and shown in it. */
  public java.time.ZoneId siteZone(String supportRequestId) {
    return requests.find(supportRequestId).flatMap(r -> jobs.find(r.jobNumber())).map(org.remoteservices.jobs.api.Job::zone)
        .orElse(java.time.ZoneOffset.UTC);
  }

  public List<Recording> recordingsOfCurrentSession(String supportRequestId) {
    return sessions.recordingsOfSession(currentSession(supportRequestId).id());
  }

  /** The case's recordings (for staff: the operator who deletes one on the recording server looks its reference up here). */
  public List<Recording> recordingsOfCase(String supportRequestId) {
    requests.find(supportRequestId).orElseThrow(() -> DomainException.notFound("no support request " + supportRequestId));
    return sessions.recordingsOf(supportRequestId);
  }

  public Instant destroyAt(String recordingId) {
    return sessions.recording(recordingId).orElseThrow().destroyAfter();
  }

  /**
   * Deletes the recording's file, or the recording on the tool's server through its connector, and keeps a destruction
   * record without personal data; a recording on a server without a deletion API stays as it is and the answer is
   * CONFIRMATION_NEEDED (an operator deletes it there and confirms, {@code RecordingDeletionService}). Not before its
   * destroy-after date: the retention timer fires on it, but an operator can move the timer or execute its job early, so
   * this refuses (CONFLICT, nothing deleted; in the retention process a failed job and then an incident) while the date
   * is in the future.
   */
  @Transactional
  public RecordingDestruction destroyRecording(String recordingId) {
    Recording recording = sessions.recording(recordingId).orElse(null);
    if (recording == null || recording.destroyedAt() != null) {
      LOG.info("recording {} is already gone", recordingId);
      return RecordingDestruction.ALREADY_GONE;
    }
    Instant now = time.now();
    requireRetentionOver(recording, now);
    String method;
    if (recording.fileKey() != null) {
      method = "FILE_DELETED";
    } else if (recording.externalRef() != null && recordingServer.canDelete(recording.externalRef())) {
      recordingServer.delete(recording.externalRef());
      method = "DELETED_ON_SERVER_BY_API";
    } else if (recording.externalRef() != null) {
      LOG.info("recording {} is kept on the recording server: an operator deletes it there and confirms", recordingId);
      return RecordingDestruction.CONFIRMATION_NEEDED;
    } else {
      method = "ARCHIVE_REFERENCE_PURGED";
    }
    String sha = sessions.recordingSha256(recordingId);
    if (recording.fileKey() != null) {
      files.delete(recording.fileKey());
    }
    sessions.markDestroyed(recordingId, now);
    sessions.insertDestructionRecord(recordingId, recording.destroyAfter().minus(policy.recording().keepFor()), now, sha, method);
    LOG.info("recording {} destroyed after its retention period ({})", recordingId, method);
    return RecordingDestruction.DESTROYED;
  }

  /** Refuses (CONFLICT) while the recording's destroy-after date is in the future. */
  void requireRetentionOver(Recording recording, Instant now) {
    if (recording.destroyAfter().isAfter(now)) {
      throw DomainException.conflict("Recording " + recording.id() + " is not destroyed before the end of its retention period, "
          + Dates.format(recording.destroyAfter()) + " (the retention timer was moved or its job executed early; let the timer fire on its date).");
    }
  }

  private RemoteSession currentSession(String supportRequestId) {
    return sessions.currentSession(supportRequestId).orElseThrow(() -> new IllegalStateException("no session for " + supportRequestId));
  }

  private String calendarInvitation(RemoteSession session, SupportRequest request, Job job) {
    Instant end = session.scheduledStart().plusSeconds(60L * session.scheduledMinutes());
    // in the site's zone (DTSTART;TZID=... with its VTIMEZONE), so the invitation shows the site's local time; UTC for UTC sites
    net.fortuna.ical4j.model.component.VTimeZone siteZone = null;
    VEvent event = null;
    if (!job.zone().normalized().equals(java.time.ZoneOffset.UTC)) {
      try {
        net.fortuna.ical4j.model.TimeZone zone = net.fortuna.ical4j.model.TimeZoneRegistryFactory.getInstance().createRegistry()
            .getTimeZone(job.zone().getId());
        if (zone != null) {
          siteZone = zone.getVTimeZone();
          event = new VEvent(session.scheduledStart().atZone(job.zone()), end.atZone(job.zone()),
              "Remote support session, case " + request.caseNumber());
        }
      } catch (RuntimeException e) {
        LOG.warn("no calendar time zone for {}; the invitation is in UTC", job.zone().getId());
        siteZone = null;
        event = null;
      }
    }
    if (event == null) {
      event = new VEvent(session.scheduledStart(), end, "Remote support session, case " + request.caseNumber());
    }
    event.add(new Uid(session.id() + "@remote-services"));
    event.add(new Description("Remote support session for job " + job.jobNumber() + " (" + job.jobName() + "), "
        + Dates.format(session.scheduledStart(), job.zone()) + ". Recorded, video only."));
    Calendar calendar = new Calendar();
    if (siteZone != null) {
      calendar.add(siteZone);
    }
    calendar.add(new ProdId("-//Remote Services Orchestrator//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new Method("REQUEST"));
    calendar.add(event);
    return calendar.toString();
  }

  private static List<String> distinct(String... addresses) {
    List<String> out = new ArrayList<>();
    for (String a : addresses) {
      if (a != null && out.stream().noneMatch(a::equalsIgnoreCase)) {
        out.add(a);
      }
    }
    return out;
  }
}
