package org.remoteservices.support.domain;

import java.time.Instant;

/** The video recording of a session: a file in the store or a reference to the remote-access tool's archive. */
public record Recording(
    String id, String remoteSessionId, String supportRequestId, String kind, String fileKey, String externalRef,
    Instant destroyAfter, Instant destroyedAt) {}
