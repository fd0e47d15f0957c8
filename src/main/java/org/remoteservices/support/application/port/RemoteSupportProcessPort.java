package org.remoteservices.support.application.port;

import java.util.Collection;
import java.util.List;

/** What the use cases need from the process engine; implemented in adapter.camunda. */
public interface RemoteSupportProcessPort {
  /** Starts the lifecycle for a stored request (in the caller's transaction). */
  void start(String supportRequestId);

  /** Tells the request's running case that a recording file of its session is attached (the run-session form shows it). */
  void recordingAttached(String supportRequestId);

  /** Tells the waiting instance a signed RSSV came back; false if it is not waiting for one. */
  boolean rssvReturned(String supportRequestId);

  /** Tells the waiting instance the survey was answered; false if it is not waiting for it. */
  boolean surveyAnswered(String supportRequestId);

  /**
   * Whether the request's lifecycle is still running. A running instance that is not (yet) waiting for a
   * message is between steps, e.g. the step that mailed the link is being retried after a crash.
   */
  boolean isRunning(String supportRequestId);

  /**
   * Whether the request's case has an open user task (claimed or not) for this candidate group: the case is in that
   * group's work now. Asked as the calling user, so a task they may not see does not count.
   */
  boolean hasOpenTaskFor(String supportRequestId, String candidateGroup);

  /** Tells the request's running case that its requester restricted processing or objected; false if none waits for that. */
  boolean privacyRestricted(String supportRequestId);

  /** Starts the recording's {@code recording-retention} instance (business key = recording id) unless one exists. */
  void startRecordingRetention(String recordingId);

  /**
   * The process instances, running or finished, about these requests and recordings: {@code remote-support} by
   * request id and {@code recording-retention} by recording id (their business keys).
   */
  List<String> processInstancesAbout(Collection<String> supportRequestIds, Collection<String> recordingIds);
}
