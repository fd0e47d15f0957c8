package org.remoteservices.support.domain;

import java.time.Instant;

/** A customer's request for remote support: who asked, for which job. The process' business key is its id. */
public record SupportRequest(
    String id, long caseSeq, String jobNumber, String requesterName, String requesterEmail, String requesterPhone,
    SupportStatus status, Instant createdAt) {

  public String caseNumber() {
    return caseNumberOf(caseSeq);
  }

  /** Without the requester's name, email and phone: records end up in log lines and exception messages. */
  @Override
  public String toString() {
    return "SupportRequest[id=" + id + ", case=" + caseNumber() + ", job=" + jobNumber + ", status=" + status + ", personal data not shown]";
  }

  public static String caseNumberOf(long caseSeq) {
    return String.format("RS-%06d", caseSeq);
  }
}
