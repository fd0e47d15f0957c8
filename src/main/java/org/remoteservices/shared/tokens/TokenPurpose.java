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
  /** The one-click unsubscribe link in marketing mail. */
  UNSUBSCRIBE
}
