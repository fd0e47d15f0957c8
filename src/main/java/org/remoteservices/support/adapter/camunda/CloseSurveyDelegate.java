package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.SurveyService;
import org.springframework.stereotype.Component;

/** Close unanswered survey: its link ends. */
@Component
public class CloseSurveyDelegate implements JavaDelegate {
  private final SurveyService service;

  public CloseSurveyDelegate(SurveyService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.close(execution.getProcessBusinessKey());
  }
}
