package org.remoteservices.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link WebappFormRefusalFilter} on the webapps' engine REST API (where Tasklist submits forms). */
@Configuration(proxyBeanMethods = false)
public class WebappFormRefusalConfiguration {
  @Bean
  public FilterRegistrationBean<WebappFormRefusalFilter> webappFormRefusals(ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<WebappFormRefusalFilter> registration = new FilterRegistrationBean<>(new WebappFormRefusalFilter(json));
    registration.setName("webapp-form-refusals");
    registration.addUrlPatterns(webappPath + "/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
