package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.remoteservices.shared.web.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rate limit of the public POSTs (every {@link PublicEndpoint} handler answering POST: submit a support request,
 * return or sign an RSSV, answer a survey, and whatever public form comes next) per client address: a token
 * bucket of {@code rso.rate-limit.public-posts.capacity} requests, refilled evenly over
 * {@code rso.rate-limit.public-posts.period}. Over the limit: 429 with a JSON {@link ApiError} and Retry-After.
 *
 * <p>The client is {@code request.getRemoteAddr()} (for IPv6 its /64 network). Behind a load balancer that is the balancer's address;
 * set {@code server.forward-headers-strategy=native} (and the proxy's address in
 * {@code server.tomcat.remoteip.internal-proxies}) so Tomcat puts the client from X-Forwarded-For there.
 * The header is never read here directly: a client could write anything into it. Buckets live in memory
 * per node (a limit per node is good enough against a form-flooding client); the least recently seen clients
 * are forgotten beyond {@code rso.rate-limit.max-clients}.
 */
@Component
public class RateLimitInterceptor implements HandlerInterceptor {
  private final boolean enabled;
  private final long capacity;
  private final Duration period;
  private final ObjectMapper json;
  private final Map<String, Bucket> buckets;

  public RateLimitInterceptor(
      @Value("${rso.rate-limit.enabled:true}") boolean enabled,
      @Value("${rso.rate-limit.public-posts.capacity:20}") long capacity,
      @Value("${rso.rate-limit.public-posts.period:PT10M}") Duration period,
      @Value("${rso.rate-limit.max-clients:10000}") int maxClients,
      ObjectMapper json) {
    if (capacity < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("rso.rate-limit.public-posts: capacity must be >= 1 and period positive");
    }
    this.enabled = enabled;
    this.capacity = capacity;
    this.period = period;
    this.json = json;
    this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxClients;
      }
    };
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
    if (!enabled || !"POST".equalsIgnoreCase(request.getMethod()) || !(handler instanceof HandlerMethod method)
        || !(method.hasMethodAnnotation(PublicEndpoint.class) || method.getBeanType().isAnnotationPresent(PublicEndpoint.class))) {
      return true;
    }
    ConsumptionProbe probe = bucket(clientKey(request.getRemoteAddr())).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return true;
    }
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError(429, HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(),
        "too many requests from your address; try again in " + seconds + " seconds", null));
    return false;
  }

  /**
   * The bucket key of a client address: the IPv4 address, or the /64 network of an IPv6 address (one subscriber
   * usually gets a whole /64 and can pick a fresh address from it for every request).
   */
  public static String clientKey(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      byte[] bytes = java.net.InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address)
          .getAddress(); // a literal: no DNS lookup
      if (bytes.length != 16) {
        return address;
      }
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        key.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
      }
      return key.append(":/64").toString();
    } catch (java.net.UnknownHostException | IllegalArgumentException e) {
      return address;
    }
  }

  private Bucket bucket(String client) {
    synchronized (buckets) {
      return buckets.computeIfAbsent(client == null ? "unknown" : client,
          c -> Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build());
    }
  }
}
