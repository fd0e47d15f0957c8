package org.remoteservices.shared.security;

/** The Camunda groups of the application; Camunda's identity service is the one user store. */
public final class Groups {
  public static final String ADMINS = "camunda-admin";
  public static final String OPERATORS = "operators";
  /** Exceptional interventions in running cases (modify, migrate, delete, suspend, restart, variables), each with a reason. */
  public static final String PROCESS_ADMINS = "processadmins";
  public static final String TECHNICIANS = "technicians";
  public static final String PRIVACY_OFFICERS = "privacyofficers";
  /** Sales people: the call tasks of a SALES_CALL communication (US and Canada only). */
  public static final String SALES = "sales";

  private Groups() {}
}
