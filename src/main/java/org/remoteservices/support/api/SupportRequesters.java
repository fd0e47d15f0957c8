package org.remoteservices.support.api;

import java.util.Optional;

/** The requester of a support request, for features that write to them about it (the unsubscribe link of marketing mail). */
public interface SupportRequesters {
  /** The request's requester; empty when there is no such request (any more: an erasure deletes it). */
  Optional<Requester> find(String supportRequestId);

  /** A page of all support requests' requesters, oldest first (communications walk them in pages). */
  java.util.List<CaseRequester> list(int offset, int limit);

  /**
   * Keyset page, newest request first: the requesters of the requests before {@code beforePosition} (a
   * {@link CaseRequester#position()} of the previous page; null: from the newest), of these jobs (empty: all jobs). A walk
   * over every requester costs the same per page however many there are.
   */
  java.util.List<CaseRequester> newestFirst(Long beforePosition, java.util.Collection<String> jobNumbers, int limit);
}
