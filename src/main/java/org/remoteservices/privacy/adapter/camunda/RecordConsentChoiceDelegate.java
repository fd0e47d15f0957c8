package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.SubjectChoicesService;
import org.springframework.stereotype.Component;

/** Record an opt-out, a withdrawn consent or an unsubscribe. */
@Component
public class RecordConsentChoiceDelegate implements JavaDelegate {
  private final SubjectChoicesService choices;

  public RecordConsentChoiceDelegate(SubjectChoicesService choices) {
    this.choices = choices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    choices.recordConsentChoice(id(execution), right(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  private static org.remoteservices.privacy.domain.PrivacyRight right(DelegateExecution execution) {
    return PrivacyProcess.Vars.RIGHT.from(execution);
  }
}
