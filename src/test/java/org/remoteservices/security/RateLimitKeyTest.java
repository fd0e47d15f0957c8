package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.remoteservices.shared.security.RateLimitInterceptor;

/** Which addresses share a rate-limit bucket. */
class RateLimitKeyTest {
  @Test
  void ipv4PerAddressIpv6PerSlash64() {
    assertThat(RateLimitInterceptor.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(RateLimitInterceptor.clientKey("203.0.113.8")).isNotEqualTo(RateLimitInterceptor.clientKey("203.0.113.7"));
    assertThat(RateLimitInterceptor.clientKey("2001:db8:1:2:aaaa::1"))
        .isEqualTo(RateLimitInterceptor.clientKey("2001:db8:1:2:ffff:eeee:dddd:cccc"))
        .isEqualTo(RateLimitInterceptor.clientKey("[2001:0db8:0001:0002::9]"))
        .isNotEqualTo(RateLimitInterceptor.clientKey("2001:db8:1:3::1"));
    assertThat(RateLimitInterceptor.clientKey(null)).isEqualTo("unknown");
  }
}
