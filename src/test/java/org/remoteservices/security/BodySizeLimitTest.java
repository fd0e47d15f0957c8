package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JSON and form bodies on {@code /api/**} above {@code rso.security.max-body-bytes} (64 KB) are answered 413 with the
 * API's JSON error, whether the body declares its length or comes chunked, and without the server reading the whole
 * body; multipart uploads keep their own 10 MB limit.
 */
class BodySizeLimitTest extends IntegrationTest {
  static final int CAP = 65536;
  static final String FORGED = "E".repeat(43);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /** A support request whose name is {@code size} bytes long: valid JSON, just too big. */
  static byte[] request(int size) {
    return ("{\"name\":\"" + "a".repeat(size) + "\",\"phone\":\"+1 555 0100\",\"email\":\"big@example.org\",\"jobNumber\":\"J-NOPE\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  void assertTooLarge(RawHttp.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(413);
    assertThat(response.json().get("status").asInt()).isEqualTo(413);
    assertThat(response.json().get("message").asText()).contains(String.valueOf(CAP));
  }

  @Test
  void aJsonBodyOverTheCapIs413_underItIsRead() {
    long before = jdbc.sql("select count(*) from support_request").query(Long.class).single();
    Http http = new Http(port);
    RawHttp.Response big = RawHttp.to(port).request("POST /api/support-requests", RawHttp.headers("Content-Type", "application/json"),
        request(CAP));
    assertTooLarge(big);
    assertThat(big.json().get("error").asText()).isEqualTo("Payload Too Large");
    // under the cap the body is read: the request is refused for what it says (the name is too long), not for its size
    assertThat(http.post("/api/support-requests").json(new String(request(CAP - 200), StandardCharsets.UTF_8)).send().status())
        .isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from support_request").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void aChunkedBodyIsCutOffAtTheCap() {
    byte[] body = request(CAP * 2);
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    for (int i = 0; i < body.length; i += 8192) {
      int n = Math.min(8192, body.length - i);
      chunked.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunked.write(body, i, n);
      chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertTooLarge(RawHttp.to(port).request("POST /api/support-requests",
        RawHttp.headers("Content-Type", "application/json", "Transfer-Encoding", "chunked"), chunked.toByteArray()));
  }

  @Test
  void theAnswerComesBeforeTheBody() {
    // announce 50 MB and send only the headers: the 413 comes at once, nothing waits for the body
    String head = "POST /api/surveys/" + FORGED + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 52428800\r\n\r\n";
    assertTooLarge(RawHttp.to(port).exchange(head.getBytes(StandardCharsets.US_ASCII), null, 5_000));
  }

  @Test
  void formBodiesAreCappedToo_multipartUploadsHaveTheirOwnLimit() {
    byte[] form = ("List-Unsubscribe=One-Click&padding=" + "p".repeat(CAP)).getBytes(StandardCharsets.UTF_8);
    assertTooLarge(RawHttp.to(port).request("POST /api/unsubscribe/" + FORGED,
        RawHttp.headers("Content-Type", "application/x-www-form-urlencoded"), form));
    // a 1 MB upload is above the JSON cap but within the upload limit: it reaches the handler (a forged token: 404)
    byte[] pdf = new byte[1024 * 1024];
    System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
    assertThat(new Http(port).post("/api/rssv/" + FORGED).multipart("file", "signed.pdf", "application/pdf", pdf).send().status())
        .isEqualTo(404);
  }
}
