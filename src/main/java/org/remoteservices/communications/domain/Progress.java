package org.remoteservices.communications.domain;

import java.util.Map;

/** How far a send is: people selected, mails sent (or call tasks created), skipped by reason, failed. */
public record Progress(int recipients, int sent, int failed, Map<SkipReason, Integer> skipped) {}
