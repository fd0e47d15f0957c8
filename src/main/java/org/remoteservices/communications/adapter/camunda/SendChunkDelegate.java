package org.remoteservices.communications.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.communications.application.CommunicationSender;
import org.springframework.stereotype.Component;

/** One chunk of the send: the multi-instance's loop counter is the chunk's index. */
@Component
public class SendChunkDelegate implements JavaDelegate {
  private final CommunicationSender sender;

  public SendChunkDelegate(CommunicationSender sender) {
    this.sender = sender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sender.sendChunk(CommunicationProcess.Vars.COMMUNICATION_ID.from(execution), (Integer) execution.getVariable(CommunicationProcess.LOOP_COUNTER));
  }
}
