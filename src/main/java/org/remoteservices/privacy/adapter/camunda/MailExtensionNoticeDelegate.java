package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.DeadlineService;
import org.springframework.stereotype.Component;

/** Mail the requester that, and why, the deadline was extended. */
@Component
public class MailExtensionNoticeDelegate implements JavaDelegate {
  private final DeadlineService deadlines;

  public MailExtensionNoticeDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.mailExtensionNotice(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
