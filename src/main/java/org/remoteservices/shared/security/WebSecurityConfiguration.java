package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.remoteservices.shared.web.BodySizeLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The web layer's protections (docs/security.md), as Spring Security filter chains:
 * <ul>
 *   <li>every request first passes Spring Security's {@link StrictHttpFirewall} (no {@code ;}, encoded {@code /},
 *       {@code .}, {@code %}, no encoded letters or digits, no {@code //}, no dot segments: 400);</li>
 *   <li>{@code /camunda/**} (Cockpit, Tasklist, Admin): left to Camunda's own login, session, CSRF protection and
 *       headers; only their login form goes through the login throttle;</li>
 *   <li>everything else: the security headers, the body size cap on {@code /api/**}, the CSRF rule
 *       ({@link CrossSiteRequestRule}), HTTP Basic against Camunda's users where a login is needed (through the
 *       {@link LoginThrottle}), authorization ({@link HandlerAccess}: the handler's {@link PublicEndpoint} /
 *       {@link StaffOnly}; any staff user on {@code /engine-rest/**}; operators and administrators on actuator endpoints
 *       besides health), and last the engine's authenticated user ({@link EngineAuthenticationFilter}).</li>
 * </ul>
 * Plus the rate limit of public POSTs (a Spring MVC interceptor), the staff pages' navigation with only the links a
 * person may open ({@link StaffNavigation}), and the closed admin-setup page.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration implements WebMvcConfigurer {
  /** Our pages are static HTML with one external script and stylesheet each and no inline code. */
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";
  /** Responses that must never be cached: the API's, the token pages' (a token in a shared cache or a back button). */
  static final List<String> NO_STORE = List.of("/api/**", "/engine-rest/**", "/portal/rssv/**", "/portal/survey/**",
      "/portal/privacy/**", "/portal/unsubscribe/**", "/mail-catcher*");

  private final RateLimitInterceptor rateLimit;
  private final StaffNavigation staffNavigation;

  public WebSecurityConfiguration(RateLimitInterceptor rateLimit, StaffNavigation staffNavigation) {
    this.rateLimit = rateLimit;
    this.staffNavigation = staffNavigation;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(rateLimit).addPathPatterns("/**");
    registry.addInterceptor(staffNavigation).addPathPatterns("/staff/**");
  }

  @Bean
  public LoginThrottle loginThrottle(
      @Value("${rso.security.login-throttle.enabled:true}") boolean enabled,
      @Value("${rso.security.login-throttle.address-limits:5/PT1M,20/PT1H,100/P1D}") List<String> addressLimits,
      @Value("${rso.security.login-throttle.account.counted-failures:3}") int countedFailures,
      @Value("${rso.security.login-throttle.account.free-failures:3}") int freeFailures,
      @Value("${rso.security.login-throttle.account.base-delay:PT1S}") Duration baseDelay,
      @Value("${rso.security.login-throttle.account.max-delay:PT5M}") Duration maxDelay,
      @Value("${rso.security.login-throttle.account.familiar-for:P30D}") Duration familiarFor,
      @Value("${rso.security.login-throttle.max-wait:PT2S}") Duration maxWait,
      @Value("${rso.security.login-throttle.max-tracked:10000}") int maxTracked) {
    return new LoginThrottle(new LoginThrottle.Settings(enabled, LoginThrottle.limits(addressLimits), countedFailures, freeFailures,
        baseDelay, maxDelay, familiarFor, maxWait, maxTracked));
  }

  @Bean
  public CrossSiteRequestRule crossSiteRequestRule(@Value("${rso.public-base-url}") String publicBaseUrl,
      @Value("${rso.security.allowed-origins:}") List<String> allowedOrigins,
      @Value("${rso.security.csrf-header-exempt:}") List<String> headerExempt) {
    List<String> origins = new ArrayList<>(allowedOrigins);
    origins.add(publicBaseUrl);
    return new CrossSiteRequestRule(origins, headerExempt);
  }

  @Bean
  public HandlerAccess handlerAccess(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
    return new HandlerAccess(mapping);
  }

  @Bean
  public JsonSecurityAnswers jsonSecurityAnswers(ObjectMapper json, HandlerAccess handlers, CrossSiteRequestRule crossSite) {
    return new JsonSecurityAnswers(json, handlers, crossSite);
  }

  @Bean
  public CamundaAuthenticationProvider camundaAuthenticationProvider(CamundaPasswords passwords) {
    return new CamundaAuthenticationProvider(passwords);
  }

  /**
   * Spring Security's firewall with its defaults (no {@code ;}, encoded {@code /}, {@code .}, {@code %} or
   * {@code \}, no {@code //}, no {@code /./} or {@code /../}, only the usual methods), plus: no percent-encoded
   * unreserved character (letters, digits, {@code - . _ ~}). RFC 3986 says they are never encoded, so
   * {@code /%61pi/} is only ever written to slip past a rule that reads the raw path.
   */
  @Bean
  public StrictHttpFirewall httpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    Set<String> blocked = firewall.getEncodedUrlBlocklist();
    String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    for (char c : unreserved.toCharArray()) {
      String hex = String.format("%02X", (int) c);
      blocked.add("%" + hex);
      blocked.add("%" + hex.toLowerCase(Locale.ROOT));
    }
    return firewall;
  }

  /** The same firewall ahead of every other filter (see {@link FirewallFilter} for why). */
  @Bean
  public FilterRegistrationBean<FirewallFilter> firewallFirst(StrictHttpFirewall firewall, JsonSecurityAnswers answers) {
    FilterRegistrationBean<FirewallFilter> registration = new FilterRegistrationBean<>(new FirewallFilter(firewall, answers));
    registration.setName("firewall-first");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2); // after the request's character encoding is set
    return registration;
  }

  @Bean
  public WebSecurityCustomizer firewallAndItsAnswer(StrictHttpFirewall firewall, JsonSecurityAnswers answers) {
    return web -> web.httpFirewall(firewall).requestRejectedHandler(answers);
  }

  /** Cockpit, Tasklist, Admin: Camunda's own login, session, CSRF token and headers; the login form is throttled. */
  @Bean
  @Order(1)
  public SecurityFilterChain camundaWebapps(HttpSecurity http, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      CamundaPasswords passwords, ObjectMapper json) throws Exception {
    return http
        .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(webappPath + "/**"))
        .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .anonymous(anonymous -> anonymous.disable())
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .addFilterBefore(new WebappLoginThrottleFilter(webappPath, passwords, json), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  public SecurityFilterChain application(HttpSecurity http, HandlerAccess handlers, CrossSiteRequestRule crossSite,
      JsonSecurityAnswers answers, CamundaAuthenticationProvider provider, IdentityService identity, ObjectMapper json,
      @Value("${rso.security.max-body-bytes:65536}") long maxBodyBytes) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    RequestMatcher engineList = paths.matcher(HttpMethod.GET, "/engine-rest/engine");
    RequestMatcher engineRest = paths.matcher("/engine-rest/**");
    // health and its liveness/readiness groups: UP or DOWN only; info, prometheus and the rest need an operator's login
    RequestMatcher openActuator = EndpointRequest.to(HealthEndpoint.class);
    RequestMatcher actuator = EndpointRequest.toAnyEndpoint();
    // where HTTP Basic is read: everywhere else credentials are ignored and no password is ever checked
    RequestMatcher needsLogin = request -> (engineRest.matches(request) && !engineList.matches(request))
        || (actuator.matches(request) && !openActuator.matches(request)) || handlers.needsLogin(request);
    RequestMatcher noStore = new OrRequestMatcher(NO_STORE.stream().map(paths::matcher).map(RequestMatcher.class::cast).toList());
    NoCsrfTokens noTokens = new NoCsrfTokens();

    StaffBasicAuthenticationFilter basic = new StaffBasicAuthenticationFilter(new ProviderManager(provider), answers, needsLogin);
    basic.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());

    return http
        // no sessions of its own; the staff pages read the webapps' session, whose id must stay as Camunda made it
        // (a fixation-protection id change on every staff page would log Tasklist's in-flight requests out)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(fixation -> fixation.none()))
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .logout(logout -> logout.disable())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .frameOptions(frames -> frames.deny())
            .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
            .crossOriginResourcePolicy(corp -> corp.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
            // only on requests that came over TLS (request.isSecure(): behind a proxy, server.forward-headers-strategy)
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
            .cacheControl(cache -> cache.disable()) // the static assets may be cached; no-store where it matters:
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(noStore,
                new StaticHeadersWriter(List.of(new Header("Cache-Control", "no-store"), new Header("Pragma", "no-cache")))))
            // before the request goes on: a page forwarded to its static file (/portal/rssv/{token} -> rssv.html) keeps
            // the headers of the path it was asked for
            .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
              @Override
              public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
              }
            }))
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(crossSite).csrfTokenRepository(noTokens).csrfTokenRequestHandler(noTokens))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(answers).accessDeniedHandler(answers))
        .addFilterBefore(new BodySizeLimitFilter(maxBodyBytes, json), CsrfFilter.class)
        .addFilterAt(basic, BasicAuthenticationFilter.class)
        .addFilterBefore(new WebappSessionAuthenticationFilter(identity, "default"), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(authorize -> authorize
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers(engineList).permitAll() // the engine's name, as Camunda's own filter allows it
            .requestMatchers(engineRest).authenticated() // Camunda's authorizations decide what each user sees
            .requestMatchers(openActuator).permitAll()
            .requestMatchers(actuator).hasAnyAuthority(Groups.OPERATORS, Groups.ADMINS)
            .anyRequest().access(handlers))
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .build();
  }

  @Bean
  public FilterRegistrationBean<AdminSetupLockFilter> adminSetupLock(ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<AdminSetupLockFilter> registration = new FilterRegistrationBean<>(new AdminSetupLockFilter(json));
    registration.setName("admin-setup-lock");
    registration.addUrlPatterns(webappPath + "/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
