package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.DeadlineService;
import org.springframework.stereotype.Component;

/** Has the (possibly extended) deadline passed with the request still open? Recorded and logged as {@code deadlineMissed}. */
@Component
public class CheckPrivacyDeadlineDelegate implements JavaDelegate {
  private final DeadlineService deadlines;

  public CheckPrivacyDeadlineDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PrivacyProcess.Vars.DEADLINE_MISSED.on(execution, deadlines.checkMissed(id(execution)));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
