package org.remoteservices.shared.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication for the two APIs: the engine's REST API (open by default in Camunda 7) gets Camunda's own
 * HTTP Basic filter, which also makes the caller the engine's authenticated user so authorizations apply;
 * the project's API gets {@link StaffAuthenticationInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration implements WebMvcConfigurer {
  private final StaffAuthenticationInterceptor staffAuthentication;

  public WebSecurityConfiguration(StaffAuthenticationInterceptor staffAuthentication) {
    this.staffAuthentication = staffAuthentication;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(staffAuthentication).addPathPatterns("/**");
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
