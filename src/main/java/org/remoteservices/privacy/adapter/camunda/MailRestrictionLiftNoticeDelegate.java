package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.RestrictionLifts;
import org.springframework.stereotype.Component;

/** {@code serviceTask_mailLiftNotice}: the person is told before their restriction is lifted. */
@Component
public class MailRestrictionLiftNoticeDelegate implements JavaDelegate {
  private final RestrictionLifts lifts;

  public MailRestrictionLiftNoticeDelegate(RestrictionLifts lifts) {
    this.lifts = lifts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifts.mailNotice(execution.getProcessBusinessKey());
  }
}
