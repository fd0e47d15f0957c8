package org.remoteservices.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last filter of the Spring Security chain: while a request of a logged-in staff member runs (the rest of the
 * servlet filters, the controller or the engine REST API), that member is the engine's authenticated user with their
 * groups and tenants, so Camunda's authorizations and the user-operation log apply to what the request does in the
 * engine; cleared when the request returns. This is what Camunda's {@code ProcessEngineAuthenticationFilter} did
 * for {@code /engine-rest}: on those paths the engine is the one the REST API serves (named in
 * {@code /engine-rest/engine/{name}/...}, else the default), looked up the way the REST API looks it up.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {
  private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine-rest/engine/([^/]+)(/.*)?$");

  private final IdentityService identity;

  public EngineAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
      chain.doFilter(request, response);
      return;
    }
    List<IdentityService> services = new ArrayList<>(2);
    services.add(identity);
    IdentityService rest = restEngineIdentity(path(request));
    if (rest != null && rest != identity) {
      services.add(rest); // only where several engines share a JVM (tests); in production it is the same one
    }
    for (IdentityService service : services) {
      service.setAuthentication(user.id(), user.groups(), user.tenants());
    }
    try {
      chain.doFilter(request, response);
    } finally {
      for (IdentityService service : services) {
        service.clearAuthentication();
      }
    }
  }

  private static IdentityService restEngineIdentity(String path) {
    if (!path.startsWith("/engine-rest/")) {
      return null;
    }
    Matcher named = NAMED_ENGINE.matcher(path);
    ProcessEngine engine = EngineUtil.lookupProcessEngine(named.matches() ? named.group(1) : null);
    return engine == null ? null : engine.getIdentityService();
  }

  static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
