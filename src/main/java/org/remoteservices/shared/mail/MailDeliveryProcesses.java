package org.remoteservices.shared.mail;

/**
 * Where a mail that keeps failing after its step has committed is handed over so that operators see it in Cockpit:
 * a {@code mail-delivery} process per mail (business key = the mail record's id) whose task delivers it through
 * {@link MailOutbox#deliverByProcess} and becomes an incident while it cannot (implemented in {@code shared.mail.camunda}).
 */
public interface MailDeliveryProcesses {
  /** Starts the process for the mail, in the caller's transaction. */
  void start(String mailRecordId);

  /** Whether a process for the mail is still running (not ended, not deleted by an operator). */
  boolean isRunning(String mailRecordId);
}
