package org.remoteservices.support.application.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.remoteservices.support.domain.Recording;
import org.remoteservices.support.domain.RemoteSession;
import org.remoteservices.support.domain.SupportFile;

/** Where sessions, their recordings and the support files collected in them are kept; implemented in adapter.db. */
public interface SessionStore {
  void insertSession(String id, String supportRequestId, Instant start, int minutes, String scheduledBy);

  /** The newest session of the request (the one being scheduled, run or documented). */
  Optional<RemoteSession> currentSession(String supportRequestId);

  Optional<RemoteSession> session(String id);

  List<RemoteSession> sessionsOf(String supportRequestId);

  void recordOutcome(String sessionId, Instant startedAt, Instant endedAt, boolean resolved, boolean followUp, String notes);

  void insertRecording(String id, String sessionId, String supportRequestId, String kind, String fileKey, String externalRef,
      String sha256, Long size, Instant destroyAfter);

  List<Recording> recordingsOfSession(String sessionId);

  List<Recording> recordingsOf(String supportRequestId);

  Optional<Recording> recording(String id);

  /** Every recording's destroy-after moves with its session's end (set when the outcome is recorded). */
  void setDestroyAfter(String sessionId, Instant destroyAfter);

  /** Forgets where the recording was; the caller deletes the file and writes the destruction record. */
  void markDestroyed(String recordingId, Instant destroyedAt);

  void insertDestructionRecord(String recordingId, Instant recordedAt, Instant destroyedAt, String sha256, String method);

  /** The destruction record of a recording on the tool's server, with the operator's confirmation (who, when, how). */
  void insertConfirmedDestructionRecord(String recordingId, Instant recordedAt, Instant destroyedAt, String method, String confirmedBy,
      Instant deletedAt, String confirmation);

  String recordingSha256(String recordingId);

  void insertSupportFile(String id, String sessionId, String supportRequestId, String category, LocalDate retainUntil);

  List<SupportFile> supportFilesOf(String supportRequestId);

  void attachSupportFile(String supportFileId, String fileKey, String sha256, long size);

  /** Every support file of the request with its source and deadline, oldest first. */
  List<SupportFile> supportFilesWithSources(String supportRequestId);

  /** Adds an uploaded file or a reference; a listed category of the session still without either is filled instead. */
  void addSupportFile(String id, String sessionId, String supportRequestId, String category, LocalDate retainUntil, String source,
      String fileKey, String sha256, Long size, String externalRef, String addedBy);

  /** The id of a support file of this session and category that has neither file nor reference yet. */
  Optional<String> listedSupportFileWithoutContent(String sessionId, String category);

  void fillSupportFile(String supportFileId, String source, String fileKey, String sha256, Long size, String externalRef, String addedBy);

  /** Sets the retention deadline of every support file of the job's cases (its obsolescence date moved); returns how many. */
  int updateSupportFileRetention(String jobNumber, LocalDate retainUntil);
}
