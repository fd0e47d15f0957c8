package org.remoteservices.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's firewall as the very first servlet filter, ahead of anything that reads the path. Spring
 * Security runs the same firewall again inside its filter chain, but 6.5 parses the request path for its matchers
 * just before that, and on the engine REST API's servlet ({@code /engine-rest/*}) a path such as
 * {@code /engine-rest;x/task} or {@code /%65ngine-rest/task} made that parse fail with a 500 instead of the
 * firewall's 400.
 */
public class FirewallFilter extends OncePerRequestFilter {
  private final HttpFirewall firewall;
  private final RequestRejectedHandler rejected;

  public FirewallFilter(HttpFirewall firewall, RequestRejectedHandler rejected) {
    this.firewall = firewall;
    this.rejected = rejected;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      firewall.getFirewalledRequest(request);
    } catch (RequestRejectedException e) {
      rejected.handle(request, response, e);
      return;
    }
    chain.doFilter(request, response);
  }
}
