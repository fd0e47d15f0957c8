package org.remoteservices.privacy.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The download offers of access reports and exports, and their record; implemented in adapter.db. */
public interface PrivacyDownloadStore {
  /** One offer: the file, the code's hash, and what happened to it. */
  record Download(String id, String privacyRequestId, String fileKind, String fileKey, String codeHash, int failedAttempts,
      Instant expiresAt, Instant downloadedAt, Instant purgedAt) {
    public boolean open(Instant now) {
      return downloadedAt == null && purgedAt == null && now.isBefore(expiresAt);
    }
  }

  void insert(String id, String privacyRequestId, String fileKind, String fileKey, String codeHash, Instant expiresAt);

  Optional<Download> find(String id);

  Optional<Download> ofRequest(String privacyRequestId, String fileKind);

  List<Download> ofRequest(String privacyRequestId);

  /** Counts a wrong code; returns the attempts so far. */
  int countFailedAttempt(String id);

  void markDownloaded(String id);

  void markPurged(String id);

  /** Offers whose file is still kept although the offer is over (expired, used up, or refused after wrong codes). */
  List<Download> toPurge(Instant now);
}
