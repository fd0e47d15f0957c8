package org.remoteservices.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Who may call the handler a request goes to, read from the handler method's annotations, the single declaration:
 * {@link PublicEndpoint} is open, {@link StaffOnly} needs a logged-in member of one of its groups, and a handler of
 * the project with neither is refused (fail closed). Requests that reach no handler of the project (static files,
 * an unknown path, a method or content type no handler takes) run no code of ours and pass: Spring MVC answers
 * them (404, 405, 415).
 *
 * <p>The handler is found with Spring MVC's own {@link RequestMappingHandlerMapping}, on a view of the request whose
 * attributes are its own, so the lookup leaves no trace for the dispatcher that does it again.
 */
public class HandlerAccess implements AuthorizationManager<RequestAuthorizationContext> {
  private static final String OWN_PACKAGE = "org.remoteservices";
  private static final String CACHE = HandlerAccess.class.getName() + ".access";

  public enum Kind { PUBLIC, STAFF, REFUSED, NO_HANDLER }

  public record Access(Kind kind, Set<String> groups) {
    static final Access PUBLIC = new Access(Kind.PUBLIC, Set.of());
    static final Access REFUSED = new Access(Kind.REFUSED, Set.of());
    static final Access NO_HANDLER = new Access(Kind.NO_HANDLER, Set.of());
  }

  private record Cached(String uri, jakarta.servlet.DispatcherType dispatch, Access access) {}

  private final ObjectProvider<RequestMappingHandlerMapping> mapping;

  public HandlerAccess(ObjectProvider<RequestMappingHandlerMapping> mapping) {
    this.mapping = mapping;
  }

  /** The access rule of the request's handler (looked up once per request and dispatch). */
  public Access of(HttpServletRequest request) {
    if (request.getAttribute(CACHE) instanceof Cached cached && cached.uri().equals(request.getRequestURI())
        && cached.dispatch() == request.getDispatcherType()) {
      return cached.access();
    }
    Access access = access(handler(request));
    request.setAttribute(CACHE, new Cached(request.getRequestURI(), request.getDispatcherType(), access));
    return access;
  }

  /** Whether the request goes to a {@link StaffOnly} handler, which needs a login. */
  public boolean needsLogin(HttpServletRequest request) {
    return of(request).kind() == Kind.STAFF;
  }

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Access access = of(context.getRequest());
    return switch (access.kind()) {
      case PUBLIC, NO_HANDLER -> new AuthorizationDecision(true);
      case REFUSED -> new AuthorizationDecision(false);
      case STAFF -> new AuthorizationDecision(isMemberOfOneOf(authentication.get(), access.groups()));
    };
  }

  static boolean isMemberOfOneOf(Authentication authentication, Set<String> groups) {
    if (authentication == null || !authentication.isAuthenticated() || !(authentication.getPrincipal() instanceof StaffUser)) {
      return false;
    }
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      if (groups.contains(authority.getAuthority())) {
        return true;
      }
    }
    return false;
  }

  static Access access(HandlerMethod method) {
    if (method == null || !method.getBeanType().getPackageName().startsWith(OWN_PACKAGE)) {
      return Access.NO_HANDLER;
    }
    if (method.hasMethodAnnotation(PublicEndpoint.class) || method.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
      return Access.PUBLIC;
    }
    StaffOnly staffOnly = method.getMethodAnnotation(StaffOnly.class);
    if (staffOnly == null) {
      staffOnly = method.getBeanType().getAnnotation(StaffOnly.class);
    }
    if (staffOnly == null) {
      return Access.REFUSED;
    }
    return new Access(Kind.STAFF, Set.copyOf(Arrays.asList(staffOnly.value())));
  }

  private HandlerMethod handler(HttpServletRequest request) {
    RequestMappingHandlerMapping handlers = mapping.getIfAvailable();
    if (handlers == null) {
      return null;
    }
    OwnAttributes view = new OwnAttributes(request);
    try {
      ServletRequestPathUtils.parseAndCache(view);
      HandlerExecutionChain chain = handlers.getHandler(view);
      return chain != null && chain.getHandler() instanceof HandlerMethod method ? method : null;
    } catch (Exception e) {
      return null; // no handler takes it as sent (method, content type, ...): Spring MVC answers it without running one
    }
  }

  /** The request with attributes of its own: what the handler lookup writes stays here. */
  private static final class OwnAttributes extends HttpServletRequestWrapper {
    private final Map<String, Object> written = new HashMap<>();
    private final Set<String> removed = new HashSet<>();

    OwnAttributes(HttpServletRequest request) {
      super(request);
    }

    @Override
    public Object getAttribute(String name) {
      if (written.containsKey(name)) {
        return written.get(name);
      }
      return removed.contains(name) ? null : super.getAttribute(name);
    }

    @Override
    public java.util.Enumeration<String> getAttributeNames() {
      Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
      names.removeAll(removed);
      names.addAll(written.keySet());
      return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
      removed.remove(name);
      written.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      written.remove(name);
      removed.add(name);
    }
  }
}
