package org.remoteservices.support.application.port;

import java.time.Instant;

/** The record of staff downloads of case files (who, when, which file); implemented in adapter.db. */
public interface CaseFileDownloadStore {
  /** What kind of file was downloaded; {@code fileId} is then that record's id. */
  enum FileKind {
    /** A signed RSSV copy the customer returned ({@code rssv_return.id}). */
    RSSV_RETURN
  }

  void record(String id, String supportRequestId, FileKind kind, String fileId, String downloadedBy, Instant downloadedAt);
}
