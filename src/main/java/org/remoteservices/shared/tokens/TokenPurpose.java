package org.remoteservices.shared.tokens;

/** What a mailed link is for; a token of one purpose never opens another. */
public enum TokenPurpose {
  RSSV_RETURN,
  SURVEY,
  /** A privacy requester's signed declaration (heightened verification). */
  PRIVACY_DECLARATION,
  /** An authorized agent's upload of the requester's signed permission. */
  AGENT_PERMISSION,
  /** The requester's own confirmation that an agent acts for them (mailed to the address on record). */
  AGENT_CONFIRMATION,
  /** The person confirms a privacy request at the address on record (the possession factor of verification). */
  POSSESSION,
  /** A single-use download of an access report or a portable export (with a code mailed separately). */
  DOWNLOAD,
  /** The old address confirms a rectification of the e-mail address. */
  EMAIL_CHANGE,
  /** The one-click unsubscribe link in marketing mail. */
  UNSUBSCRIBE,
  /** A recipient confirms that it received a privacy notice (GDPR Art. 19) and acted on it. */
  RECIPIENT_RECEIPT,
  /** The customer's status page of a support request: long-lived, not single-use, erased with the case. */
  CASE_STATUS
}
