package org.remoteservices.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Real HTTP calls against the running test application (raw bodies, so hostile input reaches the server
 * exactly as written). {@code new Http(port).post("/api/...").as(user, password).json("{...}").send()}.
 */
public final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;

  public Http(int port) {
    this.port = port;
  }

  public Call get(String path) {
    return new Call("GET", path);
  }

  public Call post(String path) {
    return new Call("POST", path);
  }

  public Call put(String path) {
    return new Call("PUT", path);
  }

  public Call delete(String path) {
    return new Call("DELETE", path);
  }

  public Call call(String method, String path) {
    return new Call(method, path);
  }

  public final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Call as(String user, String password) {
      if (user != null) {
        headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      }
      return this;
    }

    public Call as(TestUsers.Login login) {
      return login == null ? this : as(login.user(), login.password());
    }

    /** Leaves a header out that a helper would add (e.g. X-Requested-With on multipart). */
    public Call without(String name) {
      headers.put(name, null);
      return this;
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Call json(String json) {
      headers.put("Content-Type", "application/json");
      body = json.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    public Call json(Object value) {
      try {
        return json(JSON.writeValueAsString(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Call body(String contentType, byte[] content) {
      headers.put("Content-Type", contentType);
      body = content;
      return this;
    }

    /** A multipart/form-data body with one file part (as the portal's upload sends it, X-Requested-With included). */
    public Call multipart(String partName, String fileName, String contentType, byte[] content) {
      String boundary = "----rso" + UUID.randomUUID().toString().replace("-", "");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\""
          + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + contentType + "\r\n\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
      headers.putIfAbsent("X-Requested-With", "XMLHttpRequest");
      body = out.toByteArray();
      return this;
    }

    public Response send() {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
      headers.forEach((name, value) -> {
        if (value != null) {
          request.header(name, value);
        }
      });
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      try {
        HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(method + " " + path, response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public record Response(String request, int status, java.net.http.HttpHeaders headers, byte[] bytes) {
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new AssertionError(request + " -> " + status + ": body is not JSON: " + body(), e);
      }
    }

    public boolean isJson() {
      String type = header("Content-Type");
      if (type == null || !type.contains("json")) {
        return false;
      }
      try {
        JSON.readTree(bytes);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      String text = body();
      return request + " -> " + status + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }
}
