package org.remoteservices.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: the request line goes out exactly as written (java.net.http would normalise
 * {@code /%61pi/} or {@code //}), and the client can bind to another loopback address (127.0.0.2, ...), so the server
 * sees another client. {@code RawHttp.from("127.0.0.2", port).request("GET /api/jobs", headers, body)}.
 */
public final class RawHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String localAddress;
  private final int port;

  private RawHttp(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  public static RawHttp to(int port) {
    return new RawHttp(null, port);
  }

  /** A client at {@code localAddress} (any 127.x.y.z works on Linux). */
  public static RawHttp from(String localAddress, int port) {
    return new RawHttp(localAddress, port);
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Response get(String target, String... headers) {
    return request("GET " + target, headers(headers), null);
  }

  /** {@code headers}: name, value, name, value, ... */
  public static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  /** {@code requestLine} without the protocol: "POST /api;x/jobs". A Content-Length is added for a body. */
  public Response request(String requestLine, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
    head.append("Host: localhost:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Length") || h.equalsIgnoreCase("Transfer-Encoding"))) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    return exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), body, 30_000);
  }

  /** Sends {@code head} and {@code body} as they are and reads the answer (within {@code timeoutMillis}). */
  public Response exchange(byte[] head, byte[] body, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      if (localAddress != null) {
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      }
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      if (body != null) {
        try {
          out.write(body);
        } catch (IOException e) {
          // the server answered and closed before taking the whole body (that is the point of some tests)
        }
      }
      out.flush();
      return read(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + timeoutMillis + " ms", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int headEnd = -1;
    int n;
    while ((n = in.read(buffer)) > 0) {
      all.write(buffer, 0, n);
      headEnd = indexOf(all.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (headEnd >= 0) {
        break;
      }
    }
    byte[] bytes = all.toByteArray();
    if (headEnd < 0) {
      throw new IOException("no HTTP answer: " + new String(bytes, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    rest.write(bytes, headEnd + 4, bytes.length - headEnd - 4);
    List<String> length = headers.get("content-length");
    long expected = length == null ? -1 : Long.parseLong(length.get(0));
    try {
      while ((expected < 0 || rest.size() < expected) && (n = in.read(buffer)) > 0) {
        rest.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // a reset after the answer (the server closed without reading the whole request): what was read is the answer
    }
    byte[] body = rest.toByteArray();
    List<String> encoding = headers.get("transfer-encoding");
    if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
      body = dechunk(body);
    }
    return new Response(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), i);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, pattern, 0);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    public List<String> headers(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body(), e);
      }
    }

    @Override
    public String toString() {
      String text = body();
      return status + " " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
  }
}
