package org.remoteservices.support.api;

/** A support request's requester with the request and job it is about (for communications to the contacts of jobs). */
public record CaseRequester(String supportRequestId, String jobNumber, String name, String email, long position) {
  /** Without a position (a lookup, not a walk). */
  public CaseRequester(String supportRequestId, String jobNumber, String name, String email) {
    this(supportRequestId, jobNumber, name, email, 0);
  }

  @Override
  public String toString() { // personal data
    return "CaseRequester[request=" + supportRequestId + ", personal data not shown]";
  }
}
