package org.remoteservices.support.domain;

import java.time.LocalDate;

/** A support file collected in a session: its category, the file once attached, and how long it is kept. */
public record SupportFile(String id, String sessionId, String category, String fileKey, LocalDate retainUntil) {}
