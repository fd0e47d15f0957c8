package org.remoteservices.privacy.application;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configurable part of privacy requests ({@code rso.privacy.*} in application.yml).
 *
 * @param defaultAnswerDays answer deadline outside the GDPR and CCPA (days; extension: the same again)
 * @param reminderBefore how long before a deadline the privacy officers get a reminder task
 * @param verificationGrace an unverified request is denied this long before its deadline, so the denial is in time
 * @param tombstoneSalt secret salt of the subject hash in tombstones and consent flags (set RSO_PRIVACY_SALT in production)
 * @param backupRetention how long a database/file backup lingers before it ages out
 * @param evidenceLinkValidity how long declaration, permission and confirmation links stay valid
 * @param supervisoryAuthority who a requester may complain to, as told in every denial
 * @param recipients processors and contractors the subject's data goes to (GDPR Art. 19 notices)
 */
@ConfigurationProperties(prefix = "rso.privacy")
public record PrivacyPolicy(
    int defaultAnswerDays, Duration reminderBefore, Duration verificationGrace, String tombstoneSalt, Duration backupRetention,
    Duration evidenceLinkValidity, String supervisoryAuthority, List<Recipient> recipients) {

  public record Recipient(String name, String email) {}

  public PrivacyPolicy {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }
}
