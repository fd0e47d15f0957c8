package org.remoteservices.support.api;

/**
 * Something that may forbid survey mail to a support request's requester (a restriction or an objection, see
 * the privacy feature). The survey step asks every gate; one that says no is enough.
 */
public interface SurveyGate {
  /** @param requesterEmail the requester's e-mail address as the support request holds it */
  boolean allowsSurvey(String requesterEmail);

  /**
   * Whether the running case may remind the requester (RSSV reminders): not while their processing is restricted,
   * unless a privacy officer decided that the open work continues because they need it (their contract).
   *
   * @param requesterEmail the requester's e-mail address as the support request holds it
   */
  default boolean allowsReminders(String requesterEmail) {
    return true;
  }
}
