package org.remoteservices.support.application.port;

/**
 * The remote-session tool's recording server, for recordings kept there (a reference, not an uploaded file). A tool with
 * a deletion API implements both methods; without one ({@code canDelete} false) the recording-retention model asks an
 * operator to delete the recording by hand and confirm it (the fallback).
 */
public interface RecordingServerConnector {
  /** Whether this connector deletes the referenced recording itself. */
  boolean canDelete(String externalRef);

  /** Deletes the recording on the server; throws if the server refused (the job is retried, then an incident). */
  void delete(String externalRef);
}
