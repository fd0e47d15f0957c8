package org.remoteservices.support.application.port;

import java.time.Instant;
import java.util.List;

/** The record of support files shared with contractors (one row per file); implemented in adapter.db. */
public interface FileShareStore {
  record Share(String id, String shareId, String supportRequestId, String supportFileId, String recipientId, String recipientName,
      String recipientCountry, String transferSafeguard, String sharedBy, Instant sharedAt) {}

  void insert(Share share);

  List<Share> ofShare(String shareId);
}
