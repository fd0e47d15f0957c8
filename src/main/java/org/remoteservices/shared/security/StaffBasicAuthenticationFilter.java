package org.remoteservices.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security's HTTP Basic filter, only where a login is needed (a {@link StaffOnly} handler, the engine REST
 * API, actuator endpoints besides health and info). Elsewhere an {@code Authorization} header is ignored: a public
 * endpoint never checks a password, so a browser's stale credentials cannot break it and a stranger cannot use it
 * to guess passwords.
 */
public class StaffBasicAuthenticationFilter extends BasicAuthenticationFilter {
  private final RequestMatcher needsLogin;

  public StaffBasicAuthenticationFilter(AuthenticationManager authentication, AuthenticationEntryPoint entryPoint, RequestMatcher needsLogin) {
    super(authentication, entryPoint);
    this.needsLogin = needsLogin;
    setCredentialsCharset(StandardCharsets.UTF_8.name());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !needsLogin.matches(request);
  }
}
