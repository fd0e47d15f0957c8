package org.remoteservices.support.adapter.camunda;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.remoteservices.support.application.RssvService;
import org.remoteservices.support.application.SurveyService;
import org.springframework.stereotype.Component;

/**
 * The due dates of the model's timers, read from the domain so that a mailed link and the timer that ends
 * it always agree ({@code ${remoteSupportTimers.rssvExpiresAt(execution)}} in the model).
 */
@Component("remoteSupportTimers")
public class RemoteSupportTimers {
  private final RssvService rssv;
  private final SurveyService surveys;

  public RemoteSupportTimers(RssvService rssv, SurveyService surveys) {
    this.rssv = rssv;
    this.surveys = surveys;
  }

  public Date rssvReminderAt(DelegateExecution execution) {
    return Date.from(rssv.reminderAt(execution.getProcessBusinessKey()));
  }

  public Date rssvExpiresAt(DelegateExecution execution) {
    return Date.from(rssv.expiresAt(execution.getProcessBusinessKey()));
  }

  public Date surveyExpiresAt(DelegateExecution execution) {
    return Date.from(surveys.expiresAt(execution.getProcessBusinessKey()));
  }
}
