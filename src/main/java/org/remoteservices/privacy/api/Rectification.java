package org.remoteservices.privacy.api;

/**
 * A privacy officer's correction of the subject's contact details; a null field stays as it is. The e-mail is
 * already in lower case.
 */
public record Rectification(String name, String email, String phone) {
  @Override
  public String toString() {
    return "Rectification[personal data not shown]";
  }
}
