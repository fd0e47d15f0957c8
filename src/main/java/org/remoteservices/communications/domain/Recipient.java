package org.remoteservices.communications.domain;

/** A person a communication reaches, at its position; {@code supportRequestId} is the intake their consent came from, if any. */
public record Recipient(String communicationId, int position, String email, String name, String supportRequestId, String jobNumber,
    Status status) {

  /** SKIPPED: a marker the selection writes for a person it did not pick (so a later page does not count them twice) and removes before it commits. */
  public enum Status { PENDING, CLAIMED, SENT, FAILED, CALL_TASK, CALLED, SKIPPED }

  @Override
  public String toString() { // personal data
    return "Recipient[" + communicationId + "#" + position + ", " + status + "]";
  }
}
