package org.remoteservices.privacy.adapter.scheduling;

import org.remoteservices.privacy.application.DownloadService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every ten minutes: the files of privacy downloads that are over (downloaded, expired, closed) are deleted. */
@Component
public class DownloadCleanup {
  private final DownloadService downloads;

  public DownloadCleanup(DownloadService downloads) {
    this.downloads = downloads;
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  public void run() {
    downloads.purgeOver();
  }
}
