package org.remoteservices.support.application.port;

import java.util.List;
import java.util.Optional;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.SupportStatus;

/** Where support requests are kept; implemented in adapter.db. */
public interface SupportRequestStore {
  /** Inserts the request (with the lookup keys of its e-mail and phone) and returns it with its case sequence number. */
  SupportRequest insert(String id, String jobNumber, String name, String email, String phone);

  Optional<SupportRequest> find(String id);

  /** By its case number's sequence (RS-000042: 42). */
  Optional<SupportRequest> findByCaseSeq(long caseSeq);

  /** The request; fails if it does not exist (an id from the process engine always does). */
  SupportRequest get(String id);

  List<SupportRequest> list(int offset, int limit);

  /** A page of all requests, oldest first (a stable order for walking them all). */
  List<SupportRequest> listOldestFirst(int offset, int limit);

  /**
   * Keyset page, newest first: the requests with a case sequence below {@code beforeCaseSeq} (null: from the newest), of
   * these jobs (empty: all).
   */
  List<SupportRequest> listNewestFirst(Long beforeCaseSeq, java.util.Collection<String> jobNumbers, int limit);

  void updateStatus(String id, SupportStatus status);
}
