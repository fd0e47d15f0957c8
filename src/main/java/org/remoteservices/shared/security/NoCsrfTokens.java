package org.remoteservices.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The application issues no CSRF tokens: its pages are static and hold no state, its API has no sessions or cookies.
 * A request that {@link CrossSiteRequestRule} cannot show to be same-site would need a token, finds none (this
 * repository stores nothing, and only the header would be read, never the body), and is refused.
 */
final class NoCsrfTokens implements CsrfTokenRepository, CsrfTokenRequestHandler {
  private static final String HEADER = "X-CSRF-TOKEN";

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return new DefaultCsrfToken(HEADER, "_csrf", UUID.randomUUID().toString());
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    // nothing is stored: no session, no cookie
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return null;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
    // no token is offered to pages
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
    return request.getHeader(csrfToken.getHeaderName()); // never the body: a refused upload is not parsed
  }
}
