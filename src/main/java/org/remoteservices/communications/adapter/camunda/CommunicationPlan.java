package org.remoteservices.communications.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.remoteservices.communications.application.CommunicationService;
import org.remoteservices.communications.application.RecipientSelection;
import org.springframework.stereotype.Component;

/** The loop cardinalities of the model: how many chunks to send, how many call tasks to create (from the stored selection). */
@Component("communicationPlan")
public class CommunicationPlan {
  private final RecipientSelection selection;
  private final CommunicationService communications;

  public CommunicationPlan(RecipientSelection selection, CommunicationService communications) {
    this.selection = selection;
    this.communications = communications;
  }

  public int chunks(DelegateExecution execution) {
    String id = CommunicationProcess.Vars.COMMUNICATION_ID.from(execution);
    return selection.chunks(id, communications.get(id).chunkSize());
  }

  public int calls(DelegateExecution execution) {
    String id = CommunicationProcess.Vars.COMMUNICATION_ID.from(execution);
    return selection.chunks(id, 1);
  }
}
