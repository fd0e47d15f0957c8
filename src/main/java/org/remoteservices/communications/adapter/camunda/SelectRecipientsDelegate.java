package org.remoteservices.communications.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.communications.application.RecipientSelection;
import org.springframework.stereotype.Component;

@Component
public class SelectRecipientsDelegate implements JavaDelegate {
  private final RecipientSelection selection;

  public SelectRecipientsDelegate(RecipientSelection selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    selection.select(CommunicationProcess.Vars.COMMUNICATION_ID.from(execution));
  }
}
