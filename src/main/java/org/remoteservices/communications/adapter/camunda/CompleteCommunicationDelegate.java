package org.remoteservices.communications.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.communications.application.CommunicationService;
import org.springframework.stereotype.Component;

@Component
public class CompleteCommunicationDelegate implements JavaDelegate {
  private final CommunicationService communications;

  public CompleteCommunicationDelegate(CommunicationService communications) {
    this.communications = communications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    communications.complete(CommunicationProcess.Vars.COMMUNICATION_ID.from(execution));
  }
}
