package org.remoteservices.shared.security;

/** The Camunda groups of the application; Camunda's identity service is the one user store. */
public final class Groups {
  public static final String ADMINS = "camunda-admin";
  public static final String OPERATORS = "operators";
  public static final String TECHNICIANS = "technicians";
  public static final String PRIVACY_OFFICERS = "privacyofficers";

  private Groups() {}
}
