package org.remoteservices.communications.domain;

/** A person a communication reaches, at its position; {@code supportRequestId} is the intake their consent came from, if any. */
public record Recipient(String communicationId, int position, String email, String name, String supportRequestId, String jobNumber,
    Status status) {

  public enum Status { PENDING, CLAIMED, SENT, FAILED, CALL_TASK, CALLED }

  @Override
  public String toString() { // personal data
    return "Recipient[" + communicationId + "#" + position + ", " + status + "]";
  }
}
