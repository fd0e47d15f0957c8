package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.SubjectChoicesService;
import org.springframework.stereotype.Component;

/** Record a restriction or objection and tell the subject's running remote-support cases. */
@Component
public class RecordRestrictionDelegate implements JavaDelegate {
  private final SubjectChoicesService choices;

  public RecordRestrictionDelegate(SubjectChoicesService choices) {
    this.choices = choices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    choices.recordRestriction(id(execution), right(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  private static org.remoteservices.privacy.domain.PrivacyRight right(DelegateExecution execution) {
    return PrivacyProcess.Vars.RIGHT.from(execution);
  }
}
