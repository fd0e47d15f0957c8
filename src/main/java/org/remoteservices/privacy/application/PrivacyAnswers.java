package org.remoteservices.privacy.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configurable answers of the privacy rights ({@code rso.privacy.answers.*}).
 *
 * @param automatedDecisions the statement of which automated decisions are made (and which are not), sent to everyone
 *     who asks not to be subject to them (GDPR Art. 22, CCPA automated decision-making technology)
 */
@ConfigurationProperties(prefix = "rso.privacy.answers")
public record PrivacyAnswers(String automatedDecisions) {
  public PrivacyAnswers {
    if (automatedDecisions == null || automatedDecisions.isBlank()) {
      automatedDecisions = "We make no decisions about you based solely on automated processing, including profiling, that produce legal "
          + "effects concerning you or similarly significantly affect you. Every decision about your support cases is taken by a person.";
    }
  }
}
