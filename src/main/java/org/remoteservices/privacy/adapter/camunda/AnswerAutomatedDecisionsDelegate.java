package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.AutomatedDecisionsService;
import org.springframework.stereotype.Component;

/** {@code serviceTask_answerAutomatedDecisions}: the right not to be subject to automated decisions, recorded and answered. */
@Component
public class AnswerAutomatedDecisionsDelegate implements JavaDelegate {
  private final AutomatedDecisionsService service;

  public AnswerAutomatedDecisionsDelegate(AutomatedDecisionsService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.answer(execution.getProcessBusinessKey());
  }
}
