package org.remoteservices.shared.tokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute links for mails: the configured public base URL ({@code rso.public-base-url}) and a path. */
@Component
public class PublicLinks {
  private final String base;

  public PublicLinks(@Value("${rso.public-base-url}") String publicBaseUrl) {
    this.base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
  }

  public String link(String path) {
    return base + path;
  }
}
