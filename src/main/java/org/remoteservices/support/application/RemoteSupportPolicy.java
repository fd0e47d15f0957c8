package org.remoteservices.support.application;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configurable times of the lifecycle ({@code rso.*} in application.yml). Durations are ISO-8601
 * (P3D, PT12H). Links in mails are {@code shared.tokens.PublicLinks} ({@code rso.public-base-url}).
 */
@ConfigurationProperties(prefix = "rso")
public record RemoteSupportPolicy(Rssv rssv, RecordingPolicy recording, SupportFiles supportFiles, SurveyPolicy survey) {

  public record Rssv(Duration reminderAfter, Duration expireAfter) {}

  public record RecordingPolicy(Duration keepFor) {}

  public record SupportFiles(int keepYearsAfterObsolescence) {}

  public record SurveyPolicy(Duration expireAfter) {}

  public Period supportFileRetention() {
    return Period.ofYears(supportFiles.keepYearsAfterObsolescence());
  }
}
