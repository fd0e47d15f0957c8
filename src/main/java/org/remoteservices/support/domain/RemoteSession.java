package org.remoteservices.support.domain;

import java.time.Instant;

/** One remote session of a request (a follow-up session is another row). */
public record RemoteSession(
    String id, String supportRequestId, Instant scheduledStart, int scheduledMinutes, Instant startedAt, Instant endedAt,
    Boolean resolved, Boolean followUp, String notes, String status) {}
