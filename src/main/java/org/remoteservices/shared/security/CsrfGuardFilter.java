package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.remoteservices.shared.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery guard for state-changing requests (POST, PUT, PATCH, DELETE) to the project's API
 * and the engine REST API. Neither uses cookies, but a browser that was once given staff credentials by an
 * HTTP Basic prompt (the mail catcher page) sends them again on its own, so a foreign page must not be able
 * to make the browser send a request that counts. Two checks (docs/security.md, "CSRF"):
 * <ol>
 *   <li>an {@code Origin} header, when the browser sends one, must be one of ours (the public base URL, or
 *       the origin the request itself was addressed to); {@code Origin: null} is refused;</li>
 *   <li>on {@code /api/**}, a body that a plain HTML form could send (anything but {@code application/json},
 *       e.g. the multipart upload) needs the header {@code X-Requested-With}, which a foreign page can only
 *       set through a CORS preflight that this application never approves. portal.js sets it.</li>
 * </ol>
 * Paths in {@code rso.security.csrf-header-exempt} skip the second check only: for endpoints whose URL token is the
 * whole authorization and whose callers cannot add headers, such as an RFC 8058 one-click unsubscribe (the mail
 * provider POSTs {@code List-Unsubscribe=One-Click} form-encoded, without Origin).
 */
public class CsrfGuardFilter extends OncePerRequestFilter {
  public static final String REQUESTED_WITH = "X-Requested-With";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final Set<String> allowedOrigins;
  private final java.util.List<org.springframework.web.util.pattern.PathPattern> headerExempt;
  private final ObjectMapper json;

  public CsrfGuardFilter(Collection<String> allowedOrigins, Collection<String> headerExemptPaths, ObjectMapper json) {
    this.allowedOrigins = allowedOrigins.stream().map(CsrfGuardFilter::origin).filter(o -> o != null).collect(Collectors.toSet());
    org.springframework.web.util.pattern.PathPatternParser parser = new org.springframework.web.util.pattern.PathPatternParser();
    this.headerExempt = headerExemptPaths.stream().filter(p -> p != null && !p.isBlank()).map(p -> parser.parse(p.trim())).toList();
    this.json = json;
  }

  private boolean isHeaderExempt(String path) {
    org.springframework.http.server.PathContainer container = org.springframework.http.server.PathContainer.parsePath(path);
    return headerExempt.stream().anyMatch(p -> p.matches(container));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = SecurityHeadersFilter.path(request);
    return SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
        || !(path.startsWith("/api/") || path.startsWith("/engine-rest/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader("Origin");
    if (origin != null && !isOwn(origin, request)) {
      refuse(response, "cross-site request refused: origin not allowed");
      return;
    }
    String path = SecurityHeadersFilter.path(request);
    if (path.startsWith("/api/") && !isJson(request.getContentType()) && isBlank(request.getHeader(REQUESTED_WITH)) && !isHeaderExempt(path)) {
      refuse(response, "cross-site request refused: send the body as application/json, or set the header " + REQUESTED_WITH);
      return;
    }
    chain.doFilter(request, response);
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
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isCompatibleWith(MediaType.APPLICATION_JSON);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError(403, HttpStatus.FORBIDDEN.getReasonPhrase(), message, null));
  }
}
