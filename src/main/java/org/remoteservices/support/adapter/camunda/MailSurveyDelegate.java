package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.SurveyService;
import org.springframework.stereotype.Component;

/** Mail satisfaction survey, unless the requester may not be sent one; the decision becomes {@code surveySent}. */
@Component
public class MailSurveyDelegate implements JavaDelegate {
  private final SurveyService surveys;

  public MailSurveyDelegate(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean sent = surveys.mailSurvey(execution.getProcessBusinessKey());
    RemoteSupportProcess.Vars.SURVEY_SENT.on(execution, sent);
  }
}
