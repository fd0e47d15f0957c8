package org.remoteservices.support.domain;

import java.time.Instant;

/** The satisfaction survey of a request: sent, answered (a rating, maybe a comment) or expired. */
public record Survey(String id, String supportRequestId, String status, Integer rating, String comment, Instant expiresAt) {
  @Override
  public String toString() { // the comment is the customer's own words
    return "Survey[id=" + id + ", supportRequest=" + supportRequestId + ", status=" + status + "]";
  }
}
