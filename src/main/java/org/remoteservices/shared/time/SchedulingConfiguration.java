package org.remoteservices.shared.time;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application's own clean-ups ({@code @Scheduled}): mails past their retention, privacy downloads past their
 * window. Each is idempotent, so every node of a cluster may run it. Off in tests ({@code rso.scheduling.enabled}),
 * which call the clean-ups themselves at the clock they set.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "rso.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class SchedulingConfiguration {}
