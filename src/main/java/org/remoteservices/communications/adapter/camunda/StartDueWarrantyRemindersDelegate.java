package org.remoteservices.communications.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.communications.application.WarrantyReminders;
import org.springframework.stereotype.Component;

/** The hourly pass of {@code warranty-reminders}: starts the reminder of every job whose warranty ends within the lead. */
@Component
public class StartDueWarrantyRemindersDelegate implements JavaDelegate {
  private final WarrantyReminders reminders;

  public StartDueWarrantyRemindersDelegate(WarrantyReminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reminders.startDue();
  }
}
