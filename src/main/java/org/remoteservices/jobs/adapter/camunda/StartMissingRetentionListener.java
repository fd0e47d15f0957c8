package org.remoteservices.jobs.adapter.camunda;

import org.remoteservices.jobs.application.RecordRetentionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the demo seed: every job without a running {@code record-retention} instance (registered before the
 * model existed) gets one, so the demo's and older installations' jobs are destroyed on time too.
 */
@Component
public class StartMissingRetentionListener {
  private static final Logger LOG = LoggerFactory.getLogger(StartMissingRetentionListener.class);

  private final RecordRetentionService retention;

  public StartMissingRetentionListener(RecordRetentionService retention) {
    this.retention = retention;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void startMissing() {
    int started = retention.startMissing();
    if (started > 0) {
      LOG.info("record-retention started for {} job(s) that had none", started);
    }
  }
}
