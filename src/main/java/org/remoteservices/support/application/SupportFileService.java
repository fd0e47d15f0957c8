package org.remoteservices.support.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.jobs.api.ObsolescenceDateListener;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.RemoteSession;
import org.remoteservices.support.domain.SupportFile;
import org.remoteservices.support.domain.SupportFileCategory;
import org.remoteservices.support.domain.SupportRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support files of a case: technicians add each file they collected, uploaded into the file store or, for a large file
 * kept elsewhere, registered by reference; everyone on the case sees each one with its retention deadline (the job's system
 * obsolescence date + 10 years, when the job's record-retention destroys it). File keys are built from ids, never from a
 * client's file name.
 */
@Service
public class SupportFileService implements ObsolescenceDateListener {
  /** What a case's support file looks like to staff: no file key, the reference only where there is one. */
  public record SupportFileView(String id, String category, String categoryLabel, String source, String reference, Long sizeBytes,
      Instant collectedAt, String addedBy, LocalDate retainUntil) {}

  private final SupportRequestStore requests;
  private final SessionStore sessions;
  private final JobDirectory jobs;
  private final FileStore files;
  private final RemoteSupportPolicy policy;

  public SupportFileService(SupportRequestStore requests, SessionStore sessions, JobDirectory jobs, FileStore files, RemoteSupportPolicy policy) {
    this.requests = requests;
    this.sessions = sessions;
    this.jobs = jobs;
    this.files = files;
    this.policy = policy;
  }

  /**
   * The case's support files with their deadlines, oldest first (for the staff case page). The deadline is computed from the
   * job's current obsolescence date, so a changed date shows at once. Unknown case: NOT_FOUND.
   */
  public List<SupportFileView> list(String supportRequestId) {
    SupportRequest request = request(supportRequestId);
    LocalDate retainUntil = retainUntil(request);
    return sessions.supportFilesWithSources(supportRequestId).stream()
        .map(f -> new SupportFileView(f.id(), f.category(), SupportFileCategory.valueOf(f.category()).label(),
            f.source() != null ? f.source() : "LISTED", f.externalRef(), f.sizeBytes(), f.collectedAt(), f.addedBy(), retainUntil))
        .toList();
  }

  /** A technician uploads a collected file into the file store; returns it with its deadline. */
  @Transactional
  public SupportFileView upload(String supportRequestId, String category, InputStream content, String addedBy) throws IOException {
    SupportRequest request = request(supportRequestId);
    SupportFileCategory kind = category(category);
    RemoteSession session = session(request);
    String id = sessions.listedSupportFileWithoutContent(session.id(), kind.name()).orElse(null);
    String fileId = id != null ? id : UUID.randomUUID().toString();
    String key = "support-files/" + supportRequestId + "/" + fileId + ".bin";
    String sha = files.write(key, content);
    long size = java.nio.file.Files.size(files.root().resolve(key));
    if (size == 0) {
      files.delete(key);
      throw DomainException.rejected("file: the support file is empty");
    }
    store(id, fileId, session, request, kind, "UPLOAD", key, sha, size, null, addedBy);
    return view(supportRequestId, fileId);
  }

  /** A technician registers a reference to a large file kept elsewhere (a share, the contractor's transfer system). */
  @Transactional
  public SupportFileView registerReference(String supportRequestId, String category, String reference, String addedBy) {
    SupportRequest request = request(supportRequestId);
    SupportFileCategory kind = category(category);
    if (reference == null || reference.isBlank() || reference.length() > 500) {
      throw DomainException.rejected("reference: must be 1 to 500 characters");
    }
    RemoteSession session = session(request);
    String id = sessions.listedSupportFileWithoutContent(session.id(), kind.name()).orElse(null);
    String fileId = id != null ? id : UUID.randomUUID().toString();
    store(id, fileId, session, request, kind, "REFERENCE", null, null, null, reference.strip(), addedBy);
    return view(supportRequestId, fileId);
  }

  private void store(String listedId, String fileId, RemoteSession session, SupportRequest request, SupportFileCategory kind, String source,
      String key, String sha, Long size, String reference, String addedBy) {
    if (listedId != null) {
      sessions.fillSupportFile(listedId, source, key, sha, size, reference, addedBy);
    } else {
      sessions.addSupportFile(fileId, session.id(), request.id(), kind.name(), retainUntil(request), source, key, sha, size, reference, addedBy);
    }
  }

  private SupportFileView view(String supportRequestId, String fileId) {
    return list(supportRequestId).stream().filter(f -> f.id().equals(fileId)).findFirst().orElseThrow();
  }

  /** The operator moved the job's obsolescence date: the stored deadline of its cases' support files moves with it. */
  @Override
  @Transactional
  public void obsolescenceDateChanged(String jobNumber, LocalDate newObsolescenceDate) {
    sessions.updateSupportFileRetention(jobNumber, newObsolescenceDate.plus(policy.supportFileRetention()));
  }

  private LocalDate retainUntil(SupportRequest request) {
    Job job = jobs.find(request.jobNumber()).orElseThrow();
    return job.systemObsolescenceDate().plus(policy.supportFileRetention());
  }

  private SupportRequest request(String supportRequestId) {
    return requests.find(supportRequestId).orElseThrow(() -> DomainException.notFound("no support request " + supportRequestId));
  }

  private RemoteSession session(SupportRequest request) {
    return sessions.currentSession(request.id()).orElseThrow(() -> DomainException.conflict(
        "case " + request.caseNumber() + " has no session yet: support files are collected in a session"));
  }

  private static SupportFileCategory category(String category) {
    try {
      return SupportFileCategory.valueOf(category == null ? "" : category.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.rejected("category: must be one of " + java.util.Arrays.toString(SupportFileCategory.values()));
    }
  }
}
