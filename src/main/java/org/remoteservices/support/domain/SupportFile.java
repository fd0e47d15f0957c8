package org.remoteservices.support.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A support file collected in a session: its category, and either the file uploaded into the file store ({@code source}
 * UPLOAD, {@code fileKey}) or a reference to a large file kept elsewhere (REFERENCE, {@code externalRef}); a category
 * listed at the session outcome has neither until a technician adds it. Kept until {@code retainUntil}.
 */
public record SupportFile(String id, String sessionId, String category, String fileKey, LocalDate retainUntil, String source,
    String externalRef, Long sizeBytes, Instant collectedAt, String addedBy) {

  public SupportFile(String id, String sessionId, String category, String fileKey, LocalDate retainUntil) {
    this(id, sessionId, category, fileKey, retainUntil, null, null, null, null, null);
  }
}
