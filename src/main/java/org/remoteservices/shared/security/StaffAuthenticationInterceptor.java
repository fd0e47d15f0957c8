package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.remoteservices.shared.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the project's own controllers: {@link PublicEndpoint} passes, {@link StaffOnly} needs HTTP Basic
 * credentials of a Camunda user in one of the named groups, anything else is refused. While a staff request
 * runs, the user is the engine's authenticated user, so Camunda's authorizations and the user-operation
 * log apply to what the request does in the engine.
 */
@Component
public class StaffAuthenticationInterceptor implements HandlerInterceptor {
  private static final String OWN_PACKAGE = "org.remoteservices";
  public static final String CURRENT_USER = StaffAuthenticationInterceptor.class.getName() + ".user";

  private final IdentityService identityService;
  private final ObjectMapper json;

  public StaffAuthenticationInterceptor(IdentityService identityService, ObjectMapper json) {
    this.identityService = identityService;
    this.json = json;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
    if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith(OWN_PACKAGE)) {
      return true; // static resources, Spring's error page; the Camunda webapps and REST API guard themselves
    }
    if (method.hasMethodAnnotation(PublicEndpoint.class) || method.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
      return true;
    }
    StaffOnly staffOnly = method.getMethodAnnotation(StaffOnly.class);
    if (staffOnly == null) {
      staffOnly = method.getBeanType().getAnnotation(StaffOnly.class);
    }
    if (staffOnly == null) {
      return refuse(response, HttpStatus.FORBIDDEN, "this endpoint is not open to anyone");
    }
    String[] credentials = basicCredentials(request);
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Remote Services\", charset=\"UTF-8\"");
      return refuse(response, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic, a staff account)");
    }
    String userId = credentials[0];
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    Set<String> allowed = Arrays.stream(staffOnly.value()).collect(Collectors.toSet());
    if (groups.stream().noneMatch(allowed::contains)) {
      return refuse(response, HttpStatus.FORBIDDEN, "your account's groups may not use this endpoint");
    }
    identityService.setAuthentication(userId, groups);
    request.setAttribute(CURRENT_USER, userId);
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (request.getAttribute(CURRENT_USER) != null) {
      identityService.clearAuthentication();
    }
  }

  private static String[] basicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private boolean refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError(status.value(), status.getReasonPhrase(), message, null));
    return false;
  }
}
