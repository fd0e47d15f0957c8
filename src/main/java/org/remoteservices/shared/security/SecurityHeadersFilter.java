package org.remoteservices.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response of the application's own pages and API. The Camunda webapps
 * ({@code /camunda/**}) and the engine REST API ({@code /engine-rest/**}) set their own (Camunda's
 * HeaderSecurityFilter, with a CSP its AngularJS apps need) and are left alone.
 *
 * <p>Our pages are static HTML with one external script and stylesheet each and no inline code, so the CSP is
 * {@code default-src 'self'}. API responses and the token pages are never cached (a token in a shared
 * cache's key or a back button on a shared computer would reopen someone's case).
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith("/camunda/") || path.equals("/camunda") || path.startsWith("/engine-rest/") || path.equals("/engine-rest");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    String path = path(request);
    if (path.startsWith("/api/") || path.startsWith("/portal/rssv/") || path.startsWith("/portal/survey/")
        || path.startsWith("/mail-catcher") || path.startsWith("/portal/privacy/")) {
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Pragma", "no-cache");
    }
    chain.doFilter(request, response);
  }

  static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
