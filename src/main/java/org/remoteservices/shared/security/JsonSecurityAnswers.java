package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.remoteservices.shared.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's refusals as the API's JSON {@link ApiError}: 401 with {@code WWW-Authenticate} (no or wrong
 * credentials), 429 with {@code Retry-After} (login throttled), 403 (not in the handler's groups, a handler open to no
 * one, a cross-site write), and 400 for a request the firewall rejects (a path that is not in canonical form).
 */
public class JsonSecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
  private static final Logger LOG = LoggerFactory.getLogger(JsonSecurityAnswers.class);
  public static final String CHALLENGE = "Basic realm=\"Remote Services\", charset=\"UTF-8\"";

  private final ObjectMapper json;
  private final HandlerAccess handlers;
  private final CrossSiteRequestRule crossSite;

  public JsonSecurityAnswers(ObjectMapper json, HandlerAccess handlers, CrossSiteRequestRule crossSite) {
    this.json = json;
    this.handlers = handlers;
    this.crossSite = crossSite;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
    if (e instanceof CamundaAuthenticationProvider.LoginThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
      write(response, HttpStatus.TOO_MANY_REQUESTS, "too many failed logins from your address or for this account; try again in "
          + throttled.retryAfterSeconds() + " seconds");
      return;
    }
    if (handlers.of(request).kind() == HandlerAccess.Kind.REFUSED) {
      write(response, HttpStatus.FORBIDDEN, "this endpoint is not open to anyone");
      return;
    }
    if (request.getRequestURI().substring(request.getContextPath().length()).startsWith(WebappSessionAuthenticationFilter.STAFF_PAGES)
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null && !response.isCommitted()) {
      // a staff page in a browser: the login is Tasklist's (no Basic prompt, so no second password dialog)
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setContentType("text/html;charset=UTF-8");
      String login = request.getContextPath() + "/camunda/app/tasklist/default/";
      response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
          + "content=\"width=device-width, initial-scale=1\"><title>Log in first</title></head><body><main><h1>Log in first</h1>"
          + "<p>The staff pages use the login of Tasklist and Cockpit. <a href=\"" + login + "\">Log in to Tasklist</a>, "
          + "then open this page again.</p></main></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    write(response, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic, a staff account)");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
    if (e instanceof CsrfException) {
      String reason = crossSite.refusal(request);
      write(response, HttpStatus.FORBIDDEN, reason != null ? reason : "cross-site request refused");
      return;
    }
    write(response, HttpStatus.FORBIDDEN, handlers.of(request).kind() == HandlerAccess.Kind.REFUSED
        ? "this endpoint is not open to anyone" : "your account's groups may not use this endpoint");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
    LOG.debug("request rejected by the firewall: {}", e.getClass().getSimpleName()); // the path may hold a link token: not logged
    write(response, HttpStatus.BAD_REQUEST, "the request path is not in canonical form (no ';', encoded '/', '.' or other "
        + "encoded letters, no '//', '/./' or '/../')");
  }

  private void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError(status.value(), status.getReasonPhrase(), message, null));
  }
}
