package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link EngineRestOperationGuard} on both mounts of the engine REST API: {@code /engine-rest} (after the
 * CSRF guard, order 0, and the authentication filter, order 1, which makes the caller the engine's authenticated
 * user) and the webapps' own {@code /camunda/api/engine}, which Cockpit and Tasklist call.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestGuardConfiguration {
  public static final int ORDER = 50;

  @Bean
  public FilterRegistrationBean<EngineRestOperationGuard> engineRestOperationGuard(IdentityService identity, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath) {
    String webappRest = webappPath + "/api/engine";
    EngineRestOperationGuard guard = new EngineRestOperationGuard(identity, json, List.of(restPath, webappRest), webappRest);
    FilterRegistrationBean<EngineRestOperationGuard> registration = new FilterRegistrationBean<>(guard);
    registration.setName("engine-rest-operation-guard");
    registration.addUrlPatterns(restPath + "/*", webappRest + "/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
