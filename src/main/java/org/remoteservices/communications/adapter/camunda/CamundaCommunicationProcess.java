package org.remoteservices.communications.adapter.camunda;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.remoteservices.communications.application.port.CommunicationProcessPort;
import org.springframework.stereotype.Component;

/** Starts {@code communication} instances, business key = the communication's id. */
@Component
public class CamundaCommunicationProcess implements CommunicationProcessPort {
  private final RuntimeService runtime;

  public CamundaCommunicationProcess(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(String communicationId, String purpose) {
    Map<String, Object> vars = new HashMap<>();
    CommunicationProcess.Vars.COMMUNICATION_ID.into(vars, communicationId);
    CommunicationProcess.Vars.PURPOSE.into(vars, purpose);
    runtime.startProcessInstanceByKey(CommunicationProcess.KEY, communicationId, vars);
  }
}
