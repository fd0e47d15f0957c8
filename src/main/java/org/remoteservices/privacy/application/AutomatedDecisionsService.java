package org.remoteservices.privacy.application;

import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right not to be subject to decisions based solely on automated processing (the notice's "automated
 * decision-making and profiling"): recorded as a standing choice of the subject, and answered with the configured
 * statement of which automated decisions are made ({@code rso.privacy.answers.automated-decisions}). The statement
 * is the same for everyone and carries nothing of the person's, so no verification is needed.
 */
@Service
public class AutomatedDecisionsService {
  private static final Logger LOG = LoggerFactory.getLogger(AutomatedDecisionsService.class);

  private final PrivacyRequestStore requests;
  private final PrivacyRecordStore records;
  private final SubjectKeys keys;
  private final PrivacyAnswers answers;

  public AutomatedDecisionsService(PrivacyRequestStore requests, PrivacyRecordStore records, SubjectKeys keys, PrivacyAnswers answers) {
    this.requests = requests;
    this.records = records;
    this.keys = keys;
    this.answers = answers;
  }

  @Transactional
  public void answer(String id) {
    PrivacyRequest request = requests.get(id);
    if (!request.asks(PrivacyRight.AUTOMATED_DECISIONS)) {
      throw new IllegalStateException("privacy request " + id + " does not ask about automated decisions");
    }
    records.setFlag(keys.of(request.email()), PrivacyRight.AUTOMATED_DECISIONS.name(), id);
    requests.recordRightOutcome(id, PrivacyRight.AUTOMATED_DECISIONS, "DONE",
        "recorded: no decision about you will be based solely on automated processing. " + answers.automatedDecisions().strip());
    LOG.info("privacy request {}: automated-decisions request recorded and answered", id);
  }
}
