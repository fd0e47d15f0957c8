package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.MeritsDecisions;
import org.springframework.stereotype.Component;

/** {@code serviceTask_mailObjectionOverruled}: the compelling grounds and the right to complain, to the requester. */
@Component
public class MailObjectionOverruledDelegate implements JavaDelegate {
  private final MeritsDecisions merits;

  public MailObjectionOverruledDelegate(MeritsDecisions merits) {
    this.merits = merits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    merits.mailObjectionOverruled(execution.getProcessBusinessKey());
  }
}
