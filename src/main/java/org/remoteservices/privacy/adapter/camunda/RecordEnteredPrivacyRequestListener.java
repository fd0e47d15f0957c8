package org.remoteservices.privacy.adapter.camunda;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.domain.VerificationLevel;
import org.remoteservices.shared.process.FormInput;
import org.springframework.stereotype.Component;

/**
 * A privacy officer started the process from Tasklist with the start form (a request received by phone or
 * mail): the form's fields are checked, stored as a privacy request, and removed from the process; the
 * request's id becomes the business key. Instances started by the API already carry the id and pass through.
 */
@Component
public class RecordEnteredPrivacyRequestListener implements ExecutionListener {
  static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

  private final PrivacyRequestService requests;

  public RecordEnteredPrivacyRequestListener(PrivacyRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (PrivacyProcess.Vars.PRIVACY_REQUEST_ID.optionalFrom(execution).isPresent()) {
      return;
    }
    FormInput form = FormInput.of((org.camunda.bpm.engine.delegate.VariableScope) execution);
    List<String> rightNames = form.optionalChoices(PrivacyProcess.Fields.RIGHTS, Arrays.stream(PrivacyRight.values()).map(Enum::name).toList());
    if (rightNames.isEmpty()) {
      form.reject(PrivacyProcess.Fields.RIGHTS, "needs at least one right: please tick what the requester asks for");
    }
    String name = form.requiredText(PrivacyProcess.Fields.NAME, 200);
    String email = form.requiredText(PrivacyProcess.Fields.EMAIL, 254);
    if (email != null && !email.matches(EMAIL)) {
      form.reject(PrivacyProcess.Fields.EMAIL, "must be an email address, like name@example.com");
    }
    String phone = form.optionalText(PrivacyProcess.Fields.PHONE, 40);
    String jobNumber = form.optionalText(PrivacyProcess.Fields.JOB_NUMBER, 32);
    String jobLocation = form.optionalText(PrivacyProcess.Fields.JOB_LOCATION, 500);
    List<String> jurisdiction = form.optionalChoices(PrivacyProcess.Fields.JURISDICTION, Arrays.stream(Jurisdiction.values()).map(Enum::name).toList());
    String details = form.optionalText(PrivacyProcess.Fields.DETAILS, 4000);
    List<String> channel = form.optionalChoices(PrivacyProcess.Fields.CHANNEL, List.of("PHONE", "EMAIL", "LETTER"));
    String agentName = form.optionalText(PrivacyProcess.Fields.AGENT_NAME, 200);
    String agentEmail = form.optionalText(PrivacyProcess.Fields.AGENT_EMAIL, 254);
    if (agentEmail != null && !agentEmail.matches(EMAIL)) {
      form.reject(PrivacyProcess.Fields.AGENT_EMAIL, "must be an email address, like name@example.com");
    }
    // a checkbox: Camunda Forms always sends it (true or false), so it is read as one of the form's fields
    boolean specific = form.optionalBoolean(PrivacyProcess.Fields.SPECIFIC_PIECES);
    form.validate();
    PrivacyRequest request = requests.store(new PrivacyRequestService.Intake("OFFICER_" + (channel.isEmpty() ? "PHONE" : channel.get(0)),
        rightNames.stream().map(PrivacyRight::valueOf).toList(), name, email, phone, jobNumber, jobLocation,
        jurisdiction.isEmpty() ? Jurisdiction.OTHER : Jurisdiction.valueOf(jurisdiction.get(0)), details,
        specific, agentName, agentEmail));
    form.clear();
    execution.setProcessBusinessKey(request.id());
    PrivacyProcess.Vars.PRIVACY_REQUEST_ID.on(execution, request.id());
    PrivacyProcess.Vars.VERIFICATION_REQUIRED.on(execution, request.verificationLevel() != VerificationLevel.NONE);
    PrivacyProcess.Vars.ERASURE_REQUESTED.on(execution, request.asks(PrivacyRight.ERASURE));
  }
}
