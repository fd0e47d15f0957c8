package org.remoteservices.support.application.port;

import java.time.Instant;
import java.util.Optional;
import org.remoteservices.support.domain.RssvForm;
import org.remoteservices.support.domain.RssvReturn;

/** Where RSSV forms, their link rounds and the returned copies are kept; implemented in adapter.db. */
public interface RssvStore {
  /** A round of waiting for the signed form: its number and when its link was mailed (null before the first mail). */
  record Round(int number, Instant startedAt) {}

  Optional<RssvForm> formOfRequest(String supportRequestId);

  Optional<RssvForm> form(String id);

  void insertForm(RssvForm form);

  void updateFormStatus(String formId, String status);

  /** Starts a new round of waiting for the signed form; returns its number. */
  int startRound(String formId);

  Round currentRound(String formId);

  /** A returned copy; {@code contentWarning} the codes of its active content, null for none. */
  void insertReturn(String id, String formId, String method, String fileKey, String sha256, long size, String signerName,
      String contentWarning);

  /** The most recent return of the request's form. */
  Optional<RssvReturn> latestReturn(String supportRequestId);

  /** Records the decision on a return that has none yet; false (nothing changed) if it was decided already. */
  boolean decide(String returnId, boolean accepted, String reason, String decidedBy);
}
