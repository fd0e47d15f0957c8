package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web layer's protections (docs/security.md): authentication for the two APIs (the engine's REST API, open
 * by default in Camunda 7, gets Camunda's own HTTP Basic filter, which makes the caller the engine's
 * authenticated user so authorizations apply; the project's API gets {@link StaffAuthenticationInterceptor}),
 * the rate limit of public POSTs, the CSRF guard, security headers, and the closed admin-setup page.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration implements WebMvcConfigurer {
  private final StaffAuthenticationInterceptor staffAuthentication;
  private final RateLimitInterceptor rateLimit;

  public WebSecurityConfiguration(StaffAuthenticationInterceptor staffAuthentication, RateLimitInterceptor rateLimit) {
    this.staffAuthentication = staffAuthentication;
    this.rateLimit = rateLimit;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(rateLimit).addPathPatterns("/**");
    registry.addInterceptor(staffAuthentication).addPathPatterns("/**");
  }

  @Bean
  public FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
    FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setName("security-headers");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
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

  @Bean
  public FilterRegistrationBean<CsrfGuardFilter> csrfGuard(ObjectMapper json, @Value("${rso.public-base-url}") String publicBaseUrl,
      @Value("${rso.security.allowed-origins:}") List<String> allowedOrigins,
      @Value("${rso.security.csrf-header-exempt:}") List<String> headerExempt) {
    List<String> origins = new java.util.ArrayList<>(allowedOrigins);
    origins.add(publicBaseUrl);
    FilterRegistrationBean<CsrfGuardFilter> registration = new FilterRegistrationBean<>(new CsrfGuardFilter(origins, headerExempt, json));
    registration.setName("csrf-guard");
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setOrder(0);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(1);
    return registration;
  }
}
