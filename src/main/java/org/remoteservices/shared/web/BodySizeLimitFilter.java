package org.remoteservices.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies on {@code /api/**} (JSON, forms, anything but multipart, which has its own limit,
 * {@code spring.servlet.multipart.*}) at {@code rso.security.max-body-bytes}: a declared {@code Content-Length} above
 * the cap is answered 413 with an {@link ApiError} before anything is read; a body without a length (chunked) is
 * read through a counting stream that fails as soon as it passes the cap, which {@link ApiExceptionHandler} answers
 * with the same 413. Either way at most the cap is read.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {
  private final long maxBytes;
  private final ObjectMapper json;

  public BodySizeLimitFilter(long maxBytes, ObjectMapper json) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("rso.security.max-body-bytes must be positive");
    }
    this.maxBytes = maxBytes;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    String type = request.getContentType();
    return !uri.startsWith("/api/") || (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is not read
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), tooLarge(maxBytes));
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  static ApiError tooLarge(long maxBytes) {
    return new ApiError(413, HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase(), "the request body is larger than " + maxBytes + " bytes", null);
  }

  /** Reading past the cap. */
  public static final class BodyTooLargeException extends IOException {
    private final long maxBytes;

    BodyTooLargeException(long maxBytes) {
      super("request body larger than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    public long maxBytes() {
      return maxBytes;
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), maxBytes);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long maxBytes;
    private long count;

    Counting(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    private void add(long n) throws BodyTooLargeException {
      if (n > 0) {
        count += n;
        if (count > maxBytes) {
          throw new BodyTooLargeException(maxBytes);
        }
      }
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, (int) Math.min(length, maxBytes - count + 1));
      add(n);
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
