package org.remoteservices.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The CSRF rule of the stateless JSON API, as Spring Security's CSRF requirement: a state-changing request (POST,
 * PUT, PATCH, DELETE) to {@code /api/**} or {@code /engine-rest/**} that this rule cannot show to be same-site
 * {@linkplain #matches needs a CSRF token}, and as the application issues none (no sessions, no cookies), it is
 * refused with 403. Same-site means (docs/security.md, "CSRF"):
 * <ol>
 *   <li>an {@code Origin} header, when the browser sends one, is one of ours (the public base URL, an allowed
 *       origin, or the origin the request itself was addressed to); {@code Origin: null} is refused;</li>
 *   <li>on {@code /api/**}, a body that a plain HTML form could send cross-site (anything but
 *       {@code application/json}) comes with the header {@code X-Requested-With}, which a foreign page can only set
 *       through a CORS preflight that this application never approves. portal.js sets it.</li>
 * </ol>
 * Paths in {@code rso.security.csrf-header-exempt} skip the second check only: endpoints whose URL token is the
 * whole authorization and whose callers cannot add headers, such as the RFC 8058 one-click unsubscribe (the mail
 * provider POSTs {@code List-Unsubscribe=One-Click} form-encoded, server to server, without Origin).
 */
public class CrossSiteRequestRule implements RequestMatcher {
  public static final String REQUESTED_WITH = "X-Requested-With";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final Set<String> allowedOrigins;
  private final List<PathPattern> headerExempt;

  public CrossSiteRequestRule(Collection<String> allowedOrigins, Collection<String> headerExemptPaths) {
    this.allowedOrigins = allowedOrigins.stream().filter(o -> o != null).map(CrossSiteRequestRule::origin).filter(o -> o != null)
        .collect(Collectors.toSet());
    PathPatternParser parser = new PathPatternParser();
    this.headerExempt = headerExemptPaths.stream().filter(p -> p != null && !p.isBlank()).map(p -> parser.parse(p.trim())).toList();
  }

  /** True when the request is not shown to be same-site: Spring Security then wants a CSRF token and refuses it. */
  @Override
  public boolean matches(HttpServletRequest request) {
    return refusal(request) != null;
  }

  /** Why the request is refused, or null if it passes. */
  public String refusal(HttpServletRequest request) {
    String path = EngineAuthenticationFilter.path(request);
    if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || !(path.startsWith("/api/") || path.startsWith("/engine-rest/"))) {
      return null;
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !isOwn(origin, request)) {
      return "cross-site request refused: origin not allowed";
    }
    if (path.startsWith("/api/") && !isJson(request.getContentType()) && isBlank(request.getHeader(REQUESTED_WITH)) && !isHeaderExempt(path)) {
      return "cross-site request refused: send the body as application/json, or set the header " + REQUESTED_WITH;
    }
    return null;
  }

  private boolean isHeaderExempt(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return headerExempt.stream().anyMatch(p -> p.matches(container));
  }

  private boolean isOwn(String origin, HttpServletRequest request) {
    String normalized = origin(origin);
    if (normalized == null) {
      return false; // "null" (sandboxed frames, file:) or garbage
    }
    if (allowedOrigins.contains(normalized)) {
      return true;
    }
    int port = request.getServerPort();
    boolean defaultPort = ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
    String self = request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    return normalized.equals(origin(self));
  }

  /** scheme://host[:port] in lower case, default ports dropped; null if not an http(s) origin. */
  static String origin(String value) {
    try {
      URI uri = URI.create(value.trim());
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        return null;
      }
      int port = uri.getPort();
      boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
