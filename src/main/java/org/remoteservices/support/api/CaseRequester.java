package org.remoteservices.support.api;

/** A support request's requester with the request and job it is about (for communications to the contacts of jobs). */
public record CaseRequester(String supportRequestId, String jobNumber, String name, String email) {
  @Override
  public String toString() { // personal data
    return "CaseRequester[request=" + supportRequestId + ", personal data not shown]";
  }
}
