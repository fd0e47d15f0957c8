package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.security.CrossSiteRequestRule;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The CSRF guard's rules one by one, without a server (the running-app checks are in WebProtectionTest). The rule is
 * Spring Security's CSRF requirement now ({@link CrossSiteRequestRule}): a request it matches is refused with 403.
 */
class CsrfGuardFilterTest {
  final CrossSiteRequestRule rule = new CrossSiteRequestRule(List.of("https://support.example.com"), List.of("/api/unsubscribe/{token}"));

  int post(String path, String contentType, String origin, String requestedWith) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setServerName("rso.internal");
    request.setServerPort(8080);
    if (contentType != null) {
      request.setContentType(contentType);
    }
    if (origin != null) {
      request.addHeader("Origin", origin);
    }
    if (requestedWith != null) {
      request.addHeader("X-Requested-With", requestedWith);
    }
    return rule.matches(request) ? 403 : 200;
  }

  @Test
  void originsAndBodies() throws Exception {
    assertThat(post("/api/support-requests", "application/json", null, null)).isEqualTo(200);
    assertThat(post("/api/support-requests", "application/json;charset=UTF-8", "https://support.example.com", null)).isEqualTo(200);
    assertThat(post("/api/support-requests", "application/json", "https://SUPPORT.example.com:443", null)).isEqualTo(200);
    assertThat(post("/api/support-requests", "application/json", "http://rso.internal:8080", null)).isEqualTo(200);
    assertThat(post("/api/support-requests", "application/json", "https://support.example.com.evil.net", null)).isEqualTo(403);
    assertThat(post("/api/support-requests", "application/json", "http://support.example.com", null)).isEqualTo(403);
    assertThat(post("/api/support-requests", "application/json", "null", null)).isEqualTo(403);
    assertThat(post("/engine-rest/task/1/complete", "application/json", "https://evil.example", null)).isEqualTo(403);
    assertThat(post("/api/rssv/t", "multipart/form-data; boundary=x", null, null)).isEqualTo(403);
    assertThat(post("/api/rssv/t", "multipart/form-data; boundary=x", null, "XMLHttpRequest")).isEqualTo(200);
    assertThat(post("/api/rssv/t", null, null, null)).isEqualTo(403);
    assertThat(post("/api/rssv/t", "text/plain", null, null)).isEqualTo(403);
    // a one-click unsubscribe from a mail provider: form-encoded, no Origin, no header
    assertThat(post("/api/unsubscribe/abc", "application/x-www-form-urlencoded", null, null)).isEqualTo(200);
    assertThat(post("/api/unsubscribe/abc", "application/x-www-form-urlencoded", "https://evil.example", null)).isEqualTo(403);
    assertThat(post("/api/unsubscribe/abc/more", "application/x-www-form-urlencoded", null, null)).isEqualTo(403);
  }
}
