package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * In remote-support: the requester restricted processing or objected. The flag itself lives in the privacy
 * records and every mail decision asks it (the survey step included); the case records it as a variable so
 * Cockpit shows it on the instance.
 */
@Component
public class RecordPrivacyRestrictionDelegate implements JavaDelegate {
  private static final Logger LOG = LoggerFactory.getLogger(RecordPrivacyRestrictionDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    RemoteSupportProcess.Vars.PRIVACY_RESTRICTED.on(execution.getProcessInstance(), true);
    LOG.info("support request {}: the requester restricted processing; no survey or marketing mail", execution.getProcessBusinessKey());
  }
}
