package org.remoteservices.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The staff pages ({@code /staff/**}) and the returned-RSSV download linked from the technician's form use the login of Tasklist, Cockpit and Admin: whoever is logged into a Camunda
 * webapp (its session, its cookie) is logged in here too, so a link from a Tasklist form to a case page asks for no
 * second password. The user must still exist; their groups and tenants are read from the identity service on every
 * request (a group removed in Admin counts at once). Without a webapp session the request goes on unauthenticated
 * (HTTP Basic still works, for scripts), and a staff page answers with a link to the login.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {
  public static final String STAFF_PAGES = "/staff/";
  /** The signed RSSV download that the technician's Tasklist form links to (a GET: no state changes, no CSRF concern). */
  static final java.util.regex.Pattern RETURNED_RSSV = java.util.regex.Pattern.compile("^/api/support-requests/[A-Za-z0-9-]{1,40}/rssv/returned$");

  private final IdentityService identity;
  private final String engineName;

  public WebappSessionAuthenticationFilter(IdentityService identity, String engineName) {
    this.identity = identity;
    this.engineName = engineName;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith(STAFF_PAGES) && !("GET".equals(request.getMethod()) && RETURNED_RSSV.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    StaffUser user = webappUser(request.getSession(false));
    if (user != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
          user.groups().stream().map(SimpleGrantedAuthority::new).toList()));
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }

  private StaffUser webappUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications;
    try {
      authentications = AuthenticationUtil.getAuthsFromSession(session);
    } catch (RuntimeException e) {
      return null;
    }
    if (authentications == null || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication auth)) {
      return null;
    }
    String userId = auth.getIdentityId();
    if (userId == null || identity.createUserQuery().userId(userId).count() != 1) {
      return null;
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
    return new StaffUser(userId, groups, tenants);
  }
}
