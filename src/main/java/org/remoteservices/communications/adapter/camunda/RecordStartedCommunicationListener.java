package org.remoteservices.communications.adapter.camunda;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.remoteservices.communications.application.CommunicationService;
import org.remoteservices.communications.domain.Communication;
import org.remoteservices.communications.domain.Purpose;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.process.FormInput;
import org.springframework.stereotype.Component;

/**
 * An operator started a send from Tasklist with the start form: the fields are checked and stored as a
 * communication, removed from the process, and the communication's id becomes the business key. Instances started
 * by the API carry the id already and pass through.
 */
@Component
public class RecordStartedCommunicationListener implements ExecutionListener {
  private final CommunicationService communications;

  public RecordStartedCommunicationListener(CommunicationService communications) {
    this.communications = communications;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (CommunicationProcess.Vars.COMMUNICATION_ID.optionalFrom(execution).isPresent()) {
      return;
    }
    FormInput form = FormInput.of((org.camunda.bpm.engine.delegate.VariableScope) execution);
    List<String> purpose = form.optionalChoices(CommunicationProcess.Fields.PURPOSE, Arrays.stream(Purpose.values()).map(Enum::name).toList());
    if (purpose.isEmpty()) {
      form.reject(CommunicationProcess.Fields.PURPOSE, "is required");
    }
    String subject = form.requiredText(CommunicationProcess.Fields.SUBJECT, 200);
    String body = form.requiredText(CommunicationProcess.Fields.BODY, 10_000);
    String jobs = form.optionalText(CommunicationProcess.Fields.JOB_NUMBERS, 4000);
    String noticeVersion = form.optionalText(CommunicationProcess.Fields.NOTICE_VERSION, 40);
    form.validate();
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Communication communication;
    try {
      communication = communications.store(new CommunicationService.Request(purpose.get(0), subject, body,
          jobs == null ? null : Arrays.stream(jobs.split("[,\\s]+")).filter(s -> !s.isBlank()).toList(), noticeVersion),
          user == null ? null : user.getUserId());
    } catch (DomainException e) {
      form.reject(e.getMessage().startsWith("jobNumbers") ? CommunicationProcess.Fields.JOB_NUMBERS : CommunicationProcess.Fields.SUBJECT, e.getMessage());
      form.validate();
      throw e;
    }
    form.clear();
    execution.setProcessBusinessKey(communication.id());
    CommunicationProcess.Vars.COMMUNICATION_ID.on(execution, communication.id());
    CommunicationProcess.Vars.PURPOSE.on(execution, communication.purpose().name());
  }
}
