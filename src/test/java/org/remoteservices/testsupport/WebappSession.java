package org.remoteservices.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser's session with the Camunda webapps: logged in through Tasklist's login form (its CSRF cookie and
 * header), then its cookies sent along, as Tasklist and a link from a Tasklist form to a staff page do.
 */
public final class WebappSession {
  private final Http http;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private WebappSession(Http http) {
    this.http = http;
  }

  /** Logs in as Tasklist's login page does; fails unless the login succeeds. */
  public static WebappSession login(Http http, TestUsers.Login login) {
    WebappSession session = new WebappSession(http);
    session.keep(http.get("/camunda/app/tasklist/default/").send());
    String form = "username=" + URLEncoder.encode(login.user(), StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(login.password(), StandardCharsets.UTF_8);
    Http.Response response = session.send(http.post("/camunda/api/admin/auth/user/default/login/tasklist")
        .body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)));
    if (response.status() != 200) {
      throw new AssertionError("webapp login failed: " + response);
    }
    // as Tasklist does next: a GET that hands out the CSRF token of the logged-in session (the webapps' CSRF filter)
    session.send(http.get("/camunda/api/engine/engine/").header("X-XSRF-TOKEN", "Fetch"));
    return session;
  }

  /** Sends the call with the session's cookies (and the webapps' CSRF header), keeping any cookie the answer sets. */
  public Http.Response send(Http.Call call) {
    if (!cookies.isEmpty()) {
      call.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    if (cookies.containsKey("XSRF-TOKEN")) {
      call.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return keep(call.send());
  }

  public Http.Response get(String path) {
    return send(http.get(path));
  }

  private Http.Response keep(Http.Response response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String[] pair = header.split(";", 2)[0].split("=", 2);
      if (pair.length == 2) {
        cookies.put(pair[0].strip(), pair[1].strip());
      }
    }
    return response;
  }
}
