package org.remoteservices.communications.domain;

import java.time.Instant;
import java.util.List;

/** One send: its purpose and text, the jobs it is about (empty: all), its progress. */
public record Communication(
    String id, Purpose purpose, String subject, String body, List<String> jobNumbers, String noticeVersion, Status status,
    int chunkSize, String createdBy, Instant createdAt, Instant completedAt) {

  public enum Status { SELECTING, SENDING, DONE }

  public Communication {
    jobNumbers = jobNumbers == null ? List.of() : List.copyOf(jobNumbers);
  }
}
