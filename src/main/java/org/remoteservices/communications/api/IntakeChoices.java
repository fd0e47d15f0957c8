package org.remoteservices.communications.api;

/**
 * What a person chose when they wrote to us (the support-request form): marketing consent, with the wording they
 * saw, and their country. The support feature records it here; the communications feature decides with it whom
 * marketing and sales contact may reach.
 */
public interface IntakeChoices {
  /** The version of {@link #CONSENT_WORDING} stored with every consent. */
  String CONSENT_WORDING_VERSION = "marketing-consent-2026-01";

  /** The privacy notice's wording, shown next to the (unticked) box. */
  String CONSENT_WORDING = "Email me marketing communications, such as information about Lutron and third-party products. "
      + "I can unsubscribe at any time by clicking \u201cunsubscribe\u201d in the email.";

  /**
   * Records the choices of one intake.
   *
   * @param country ISO 3166-1 alpha-2 (upper case) or null
   * @param source where the choice was made ({@code SUPPORT_REQUEST_API}, {@code PORTAL})
   */
  void record(String supportRequestId, String email, boolean marketingConsent, String country, String source, boolean optOutSignal);
}
