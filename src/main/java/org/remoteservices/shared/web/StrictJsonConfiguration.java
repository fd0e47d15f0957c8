package org.remoteservices.shared.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API reads JSON strictly: a number or boolean where text is expected (a phone number sent as 5550100)
 * and a number where a boolean is expected (consent: 2) are wrong types (400), not silently converted.
 * Together with spring.jackson.mapper.allow-coercion-of-scalars=false ("5" is no rating) and
 * fail-on-unknown-properties (no extra fields).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonCoercion() {
    return builder -> builder.postConfigurer(mapper -> {
      mapper.coercionConfigFor(LogicalType.Textual)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
      mapper.coercionConfigFor(LogicalType.Boolean)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      mapper.coercionConfigFor(LogicalType.Integer)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    });
  }
}
