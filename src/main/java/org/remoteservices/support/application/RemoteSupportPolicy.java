package org.remoteservices.support.application;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configurable times of the lifecycle ({@code rso.*} in application.yml). Durations are ISO-8601
 * (P3D, PT12H).
 */
@ConfigurationProperties(prefix = "rso")
public record RemoteSupportPolicy(String publicBaseUrl, Rssv rssv, RecordingPolicy recording, SupportFiles supportFiles, SurveyPolicy survey) {

  public record Rssv(Duration reminderAfter, Duration expireAfter) {}

  public record RecordingPolicy(Duration keepFor) {}

  public record SupportFiles(int keepYearsAfterObsolescence) {}

  public record SurveyPolicy(Duration expireAfter) {}

  public String link(String path) {
    String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    return base + path;
  }

  public Period supportFileRetention() {
    return Period.ofYears(supportFiles.keepYearsAfterObsolescence());
  }
}
