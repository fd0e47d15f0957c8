package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.remoteservices.shared.web.ApiError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form of Cockpit, Tasklist and Admin ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * form fields {@code username} and {@code password}) through the same {@link LoginThrottle} as HTTP Basic. Camunda
 * keeps its login, session and CSRF protection: this filter only answers 429 (with {@code Retry-After}, the password
 * unchecked) while the address or the account has to wait, and, once the account's budget of counted failures is
 * used up, answers a non-matching password with 401 itself, as Camunda does, so that it is not counted. Everything
 * else goes on to Camunda unchanged; its answer (200, or 401 for a wrong password) is the throttle's outcome.
 */
public class WebappLoginThrottleFilter extends OncePerRequestFilter {
  private final Pattern login;
  private final CamundaPasswords passwords;
  private final ObjectMapper json;

  public WebappLoginThrottleFilter(String webappPath, CamundaPasswords passwords, ObjectMapper json) {
    this.login = Pattern.compile("^" + Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+$");
    this.passwords = passwords;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equalsIgnoreCase(request.getMethod()) || !login.matcher(EngineAuthenticationFilter.path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = request.getParameter("username");
    String password = request.getParameter("password");
    if (user == null || user.isEmpty() || password == null) {
      chain.doFilter(request, response); // Camunda refuses it without a password check
      return;
    }
    LoginThrottle.Attempt attempt;
    try {
      attempt = passwords.throttle().begin(request.getRemoteAddr(), user, () -> passwords.countedFailures(user));
    } catch (LoginThrottle.Throttled throttled) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), new ApiError(429, HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(),
          "too many failed logins from your address or for this account; try again in " + throttled.retryAfterSeconds() + " seconds", null));
      return;
    }
    try (attempt) {
      if (!attempt.countedByEngine() && !passwords.matchesWithoutCounting(user, password)) {
        attempt.failed();
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        return;
      }
      chain.doFilter(request, response);
      int status = response.getStatus();
      if (status == HttpStatus.OK.value()) {
        attempt.succeeded();
      } else if (status == HttpStatus.UNAUTHORIZED.value()) {
        attempt.failed();
      } // anything else (Camunda's CSRF refusal, an application the user may not open) is no outcome of the password
    }
  }
}
