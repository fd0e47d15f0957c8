package org.remoteservices.communications.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A warranty-expiry reminder that was started: one per job and warranty date, sent as a SERVICE_UPDATE communication. */
public record WarrantyReminder(String jobNumber, LocalDate warrantyUntil, String communicationId, Instant createdAt) {}
