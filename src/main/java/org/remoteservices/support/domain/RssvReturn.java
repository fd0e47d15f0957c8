package org.remoteservices.support.domain;

import java.time.Instant;

/**
 * A signed copy the customer returned (uploaded or signed online), and the technician's decision. The content warning
 * lists, as comma-separated codes, what an uploaded PDF carries that can act on the reader's machine (JavaScript,
 * embedded files, ...); null when nothing was found.
 */
public record RssvReturn(
    String id, String rssvFormId, String method, String fileKey, String sha256, long sizeBytes, Instant returnedAt,
    String decision, String rejectionReason, String contentWarning) {
  /** The technician's decisions ({@code rssv_return.decision}); null until decided. */
  public static final String ACCEPTED = "ACCEPTED";
  public static final String REJECTED = "REJECTED";

  public boolean decided() {
    return decision != null;
  }

  @Override
  public String toString() { // the rejection reason may quote the customer
    return "RssvReturn[id=" + id + ", form=" + rssvFormId + ", method=" + method + ", decision=" + decision
        + ", contentWarning=" + contentWarning + "]";
  }
}
