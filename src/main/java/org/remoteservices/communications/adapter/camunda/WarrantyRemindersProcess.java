package org.remoteservices.communications.adapter.camunda;

/** Names of the {@code warranty-reminders} model (an hourly timer start; no variables). */
public final class WarrantyRemindersProcess {
  public static final String KEY = "warranty-reminders";

  /** Element ids, as tests and Cockpit see them. */
  public static final class Elements {
    public static final String START = "startEvent_everyHour";
    public static final String START_DUE_REMINDERS = "serviceTask_startDueReminders";
    public static final String END = "endEvent_remindersStarted";

    private Elements() {}
  }

  private WarrantyRemindersProcess() {}
}
