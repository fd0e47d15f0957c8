package org.remoteservices.support.api;

/** Who asked for remote support: the name and e-mail address the support request holds. */
public record Requester(String name, String email) {
  @Override
  public String toString() { // personal data
    return "Requester[personal data not shown]";
  }
}
