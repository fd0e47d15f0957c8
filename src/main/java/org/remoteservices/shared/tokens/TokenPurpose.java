package org.remoteservices.shared.tokens;

/** What a mailed link is for; a token of one purpose never opens another. */
public enum TokenPurpose {
  RSSV_RETURN,
  SURVEY
}
