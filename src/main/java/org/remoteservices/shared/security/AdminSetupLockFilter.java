package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.remoteservices.shared.web.ApiError;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Camunda Admin app's "create the initial administrator" page. Camunda offers it, to anyone and
 * without a login, for as long as no user is in camunda-admin: on an installation started without
 * {@code camunda.bpm.admin-user.*} the first visitor would become administrator. The first administrator
 * comes from configuration instead (docs/security.md).
 */
public class AdminSetupLockFilter extends OncePerRequestFilter {
  private final ObjectMapper json;

  public AdminSetupLockFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setStatus(403);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError(403, "Forbidden",
        "the initial-administrator setup is disabled; configure camunda.bpm.admin-user.* instead", null));
  }
}
