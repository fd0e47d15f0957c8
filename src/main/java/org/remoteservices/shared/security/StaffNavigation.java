package org.remoteservices.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The staff pages' navigation ({@code staffNav} in the model of every {@code /staff/**} page, shown by
 * {@code staff/layout.html}): only the links the logged-in person may open. A staff page is listed when its GET
 * handler's {@link StaffOnly} groups include one of theirs (the same declaration {@link HandlerAccess} enforces, read
 * once), Tasklist and Cockpit when Camunda grants their groups the application (ACCESS on APPLICATION, as the webapps
 * themselves check). A sales person, say, sees "Task mails" and "Tasklist" only.
 */
@org.springframework.stereotype.Component
public class StaffNavigation implements HandlerInterceptor {
  public record Link(String label, String href) {}

  /** The staff pages, in the order shown. */
  private static final List<Link> PAGES = List.of(new Link("Support cases", "/staff/cases"),
      new Link("Privacy requests", "/staff/privacy-requests"), new Link("Reports", "/staff/reports"),
      new Link("Task mails", "/staff/notifications"));
  /** A Camunda webapp: the application name its ACCESS authorization names, and its link. */
  private record App(String name, Link link) {}

  private static final List<App> APPS = List.of(new App("tasklist", new Link("Tasklist", "/camunda/app/tasklist/default/")),
      new App("cockpit", new Link("Cockpit", "/camunda/app/cockpit/default/")));

  private final ObjectProvider<RequestMappingHandlerMapping> mapping;
  private final ObjectProvider<AuthorizationService> authorizations;
  private final Map<String, Set<String>> groupsOfPage = new ConcurrentHashMap<>();

  public StaffNavigation(@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
      ObjectProvider<RequestMappingHandlerMapping> mapping, ObjectProvider<AuthorizationService> authorizations) {
    this.mapping = mapping;
    this.authorizations = authorizations;
  }

  @Override
  public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
    if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
      return;
    }
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || !(user.getPrincipal() instanceof StaffUser staff)) {
      return;
    }
    view.addObject("staffNav", links(user, staff));
  }

  /** The links this person may open. */
  private List<Link> links(Authentication user, StaffUser staff) {
    List<Link> links = new ArrayList<>();
    for (Link page : PAGES) {
      if (HandlerAccess.isMemberOfOneOf(user, groupsOfPage.computeIfAbsent(page.href(), this::groupsOf))) {
        links.add(page);
      }
    }
    AuthorizationService camunda = authorizations.getIfAvailable();
    for (App app : APPS) {
      if (camunda != null && camunda.isUserAuthorized(staff.id(), staff.groups(), Permissions.ACCESS, Resources.APPLICATION, app.name())) {
        links.add(app.link());
      }
    }
    return links;
  }

  /** The groups of the GET handler mapped to exactly this path (none: nobody, so a renamed page drops out, never in). */
  private Set<String> groupsOf(String path) {
    RequestMappingHandlerMapping handlers = mapping.getIfAvailable();
    if (handlers == null) {
      return Set.of();
    }
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlers.getHandlerMethods().entrySet()) {
      if (e.getKey().getPatternValues().contains(path) && e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
        HandlerAccess.Access access = HandlerAccess.access(e.getValue());
        return access.kind() == HandlerAccess.Kind.STAFF ? access.groups() : Set.of();
      }
    }
    return Set.of();
  }
}
