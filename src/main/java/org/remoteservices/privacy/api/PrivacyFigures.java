package org.remoteservices.privacy.api;

import java.time.Instant;
import java.util.List;

/**
 * Figures of the privacy requests for the operators' reports (no personal data): the metrics CCPA regulations
 * §7102 asks large businesses to publish (per right: received, complied with in whole or in part, denied, median
 * days to answer), the due board, late answers and the request log of §7101 (records kept 24 months).
 */
public interface PrivacyFigures {
  /** One right in one jurisdiction. {@code medianDays} is null while none is answered. */
  record RightFigures(String right, String jurisdiction, long received, long compliedWholeOrPart, long denied, Double medianDays) {}

  /** Open requests: answered before the deadline cannot be said yet; due in more than 5 days, within 5 days, past due. */
  record DueBoard(long onTime, long dueWithinFiveDays, long pastDue) {}

  record Late(String reference, String rights, String jurisdiction, Instant dueAt, Instant completedAt) {}

  /** One request in the log: no requester data, only what it was, when, and how it ended. */
  record LogEntry(String reference, String channel, String rights, String jurisdiction, String status, Instant receivedAt,
      Instant dueAt, Instant completedAt, boolean extended, boolean deadlineMissed) {}

  List<RightFigures> byRightAndJurisdiction(Instant since);

  DueBoard dueBoard(Instant now);

  List<Late> answeredLate(Instant since);

  List<LogEntry> log(Instant since);

  /** The buckets of {@link #openByDaysLeft}, in order: past due, 0-5 days left, 6-15, 16-30, more than 30. */
  List<String> DAYS_LEFT_BUCKETS = List.of("past_due", "0-5", "6-15", "16-30", "31+");

  /** Open (not completed) privacy requests counted by whole days left to their due date, one entry per bucket (zeros included). */
  java.util.Map<String, Long> openByDaysLeft(Instant now);
}
