package org.remoteservices.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.remoteservices.shared.process.FormRefusals;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist submits forms through the webapps' own engine REST API ({@code /camunda/api/engine/...}), which
 * {@link EngineRestConfig} does not reach: a form refused by a listener came back as a 500 reading "ENGINE-03051
 * There was an exception while invoking the TaskListener ... input_x is required", shown over the Complete button.
 * This filter answers such a refusal as 400 with the refusal's own sentence ({@link FormRefusals}); any other
 * listener failure keeps its status but loses the engine's wrapper text.
 */
public class WebappFormRefusalFilter extends OncePerRequestFilter {
  private static final Pattern WRAPPED = Pattern.compile("ENGINE-\\d{5} There was an exception while invoking the \\w+\\. Message: '(.*)'\\s*", Pattern.DOTALL);
  private final ObjectMapper json;

  public WebappFormRefusalFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    FormRefusals.take();
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapper);
    } finally {
      String refusal = FormRefusals.take();
      if (wrapper.getStatus() >= 400 && !response.isCommitted()) {
        String message = refusal;
        if (message == null) {
          Matcher wrapped = WRAPPED.matcher(messageOf(wrapper.getContentAsByteArray()));
          message = wrapped.matches() ? wrapped.group(1) : null;
        }
        if (message != null) {
          int status = refusal != null ? 400 : wrapper.getStatus();
          wrapper.resetBuffer();
          wrapper.setStatus(status);
          wrapper.setContentType(MediaType.APPLICATION_JSON_VALUE);
          wrapper.setCharacterEncoding(StandardCharsets.UTF_8.name());
          wrapper.getOutputStream().write(json.writeValueAsBytes(Map.of("type", refusal != null ? "FormValidationException" : "ProcessEngineException",
              "message", message)));
        }
      }
      wrapper.copyBodyToResponse();
    }
  }

  private String messageOf(byte[] body) {
    try {
      return json.readTree(body).path("message").asText("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
