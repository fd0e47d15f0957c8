package org.remoteservices.reports.adapter.camunda;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.RuntimeService;
import org.remoteservices.privacy.api.PrivacyFigures;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.stereotype.Component;

/**
 * Gauges for operators (issue 13), scraped at {@code /actuator/prometheus} with an operator's login:
 * {@code rso.privacy.requests.open{days_left=...}} (open privacy requests by days left to their statutory due date)
 * and {@code rso.incidents.open} (open Camunda incidents: jobs out of retries and the like). Counts only, no personal
 * data, no case numbers. The mail backlog gauge ({@code rso.mail.backlog}) belongs to the mail outbox.
 */
@Component
public class OperationalMetrics implements MeterBinder {
  private final PrivacyFigures privacy;
  private final RuntimeService runtime;
  private final TimeSource time;

  public OperationalMetrics(PrivacyFigures privacy, RuntimeService runtime, TimeSource time) {
    this.privacy = privacy;
    this.runtime = runtime;
    this.time = time;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String bucket : PrivacyFigures.DAYS_LEFT_BUCKETS) {
      Gauge.builder("rso.privacy.requests.open", () -> privacy.openByDaysLeft(time.now()).getOrDefault(bucket, 0L))
          .description("Open privacy requests by whole days left to their due date")
          .tag("days_left", bucket)
          .register(registry);
    }
    Gauge.builder("rso.incidents.open", () -> runtime.createIncidentQuery().count())
        .description("Open process incidents (a job out of retries, a failed external task)")
        .register(registry);
  }
}
