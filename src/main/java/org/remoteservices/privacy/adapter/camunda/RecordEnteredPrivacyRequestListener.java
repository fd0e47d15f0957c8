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
  /** The form's "not stated": the job's location decides, else the strictest clock. */
  static final String NOT_STATED = "NOT_STATED";

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
    List<String> jurisdiction = form.optionalChoices(PrivacyProcess.Fields.JURISDICTION,
        java.util.stream.Stream.concat(Arrays.stream(Jurisdiction.values()).map(Enum::name), java.util.stream.Stream.of(NOT_STATED)).toList());
    String details = form.optionalText(PrivacyProcess.Fields.DETAILS, 4000);
    List<String> channel = form.optionalChoices(PrivacyProcess.Fields.CHANNEL, List.of("PHONE", "EMAIL", "LETTER"));
    String agentName = form.optionalText(PrivacyProcess.Fields.AGENT_NAME, 200);
    String agentEmail = form.optionalText(PrivacyProcess.Fields.AGENT_EMAIL, 254);
    if (agentEmail != null && !agentEmail.matches(EMAIL)) {
      form.reject(PrivacyProcess.Fields.AGENT_EMAIL, "must be an email address, like name@example.com");
    }
    // a checkbox: Camunda Forms always sends it (true or false), so it is read as one of the form's fields
    boolean specific = form.optionalBoolean(PrivacyProcess.Fields.SPECIFIC_PIECES);
    String receivedRaw = form.optionalText(PrivacyProcess.Fields.RECEIVED_ON, 40); // a date field sends "YYYY-MM-DD"
    java.time.LocalDate receivedOn = PrivacyProcess.receivedOn(receivedRaw);
    if (receivedOn == null && receivedRaw != null) {
      form.reject(PrivacyProcess.Fields.RECEIVED_ON, "must be a date like 2026-12-01");
    } else if (receivedOn != null && receivedOn.isAfter(java.time.LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
        org.remoteservices.shared.time.TimeSource.ZONE))) {
      form.reject(PrivacyProcess.Fields.RECEIVED_ON, "cannot be in the future");
    }
    form.validate();
    PrivacyRequest request = requests.store(new PrivacyRequestService.Intake("OFFICER_" + (channel.isEmpty() ? "PHONE" : channel.get(0)),
        rightNames.stream().map(PrivacyRight::valueOf).toList(), name, email, phone, jobNumber, jobLocation,
        jurisdiction.isEmpty() || NOT_STATED.equals(jurisdiction.get(0)) ? null : Jurisdiction.valueOf(jurisdiction.get(0)), details,
        specific, agentName, agentEmail, receivedOn));
    form.clear();
    execution.setProcessBusinessKey(request.id());
    PrivacyProcess.Vars.PRIVACY_REQUEST_ID.on(execution, request.id());
    PrivacyProcess.Vars.VERIFICATION_REQUIRED.on(execution, request.verificationLevel() != VerificationLevel.NONE);
    PrivacyProcess.Vars.ERASURE_REQUESTED.on(execution, requests.erasureRequested(request.id()));
  }
}
