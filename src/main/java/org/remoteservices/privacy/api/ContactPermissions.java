package org.remoteservices.privacy.api;

import java.util.Optional;

/**
 * May we reach this person for this use? Answered from the subject's standing choices (restriction, objection,
 * withdrawn consent, unsubscribe, erasure). Positive consent to marketing is not kept here: the communications
 * feature holds it and asks this first.
 */
public interface ContactPermissions {
  /** What a contact is for; each use is refused by different choices (docs/communications.md). */
  enum Use {
    /** Security notices: refused only for restricted or erased people. */
    SECURITY_NOTICE,
    /** Warranty and service information: refused for objecting, restricted or erased people. */
    SERVICE_INFORMATION,
    /** Marketing mail: refused for restricted, objecting, withdrawn, unsubscribed or erased people. */
    MARKETING,
    /** Sales calls: as marketing. */
    SALES_CONTACT,
    /** A change of the privacy notice: refused for nobody we still hold. */
    NOTICE_CHANGE
  }

  /** Why this person may not be reached for this use (RESTRICTED, OBJECTED, CONSENT_WITHDRAWN, UNSUBSCRIBED, ERASED), or empty. */
  Optional<String> refusal(String email, Use use);

  /**
   * The Global Privacy Control signal (Sec-GPC: 1) came with a request from this person: an opt-out of sale and
   * sharing is recorded at once, and a choice it conflicts with is noted where that choice is kept. Returns the note
   * for the answer when the conflicting choice was made in this very request ({@code supportRequestId}; null: the
   * request makes no choice of its own), else empty: an earlier choice is never told to whoever sent the request.
   */
  Optional<String> honorOptOutSignal(String email, String supportRequestId);

  /** The unsubscribe links of a marketing mail to the requester of this support request. */
  record UnsubscribeLinks(String page, String oneClick) {}

  /** Links for a marketing mail: the page (in the body) and the RFC 8058 one-click URL (List-Unsubscribe). */
  UnsubscribeLinks unsubscribeLinks(String supportRequestId);
}
