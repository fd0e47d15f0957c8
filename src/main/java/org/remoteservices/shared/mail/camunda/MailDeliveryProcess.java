package org.remoteservices.shared.mail.camunda;

/** Names of the {@code mail-delivery} model (one instance per mail that keeps failing, business key = the mail record's id). */
public final class MailDeliveryProcess {
  public static final String KEY = "mail-delivery";

  /** Element ids, as tests and Cockpit see them. */
  public static final class Elements {
    public static final String START = "startEvent_mailDeliveryFailing";
    public static final String DELIVER_MAIL = "serviceTask_deliverMail";
    public static final String MAIL_DELIVERED = "endEvent_mailDelivered";

    private Elements() {}
  }

  private MailDeliveryProcess() {}
}
