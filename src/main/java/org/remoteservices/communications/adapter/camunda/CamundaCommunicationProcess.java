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
  private final org.camunda.bpm.engine.IdentityService identity;

  public CamundaCommunicationProcess(RuntimeService runtime, org.camunda.bpm.engine.IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  /** The system's own send (a warranty reminder started inside an operator's job change): without the caller's engine authorizations. */
  @Override
  public void startAsSystem(String communicationId, String purpose) {
    org.remoteservices.shared.process.AsTheApplication.run(identity, () -> {
      start(communicationId, purpose);
      return null;
    });
  }

  @Override
  public void start(String communicationId, String purpose) {
    Map<String, Object> vars = new HashMap<>();
    CommunicationProcess.Vars.COMMUNICATION_ID.into(vars, communicationId);
    CommunicationProcess.Vars.PURPOSE.into(vars, purpose);
    runtime.startProcessInstanceByKey(CommunicationProcess.KEY, communicationId, vars);
  }
}
