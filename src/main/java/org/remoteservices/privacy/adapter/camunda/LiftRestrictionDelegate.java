package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.RestrictionLifts;
import org.springframework.stereotype.Component;

/** {@code serviceTask_liftRestriction}: after the notice period, the restriction ends and the subject's cases act again. */
@Component
public class LiftRestrictionDelegate implements JavaDelegate {
  private final RestrictionLifts lifts;

  public LiftRestrictionDelegate(RestrictionLifts lifts) {
    this.lifts = lifts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifts.lift(execution.getProcessBusinessKey());
  }
}
