package org.remoteservices.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat refuses some requests before the application sees them (a NUL or an encoded slash in the path, a
 * broken request line). Its own error page is HTML naming the server; this valve answers with the application's
 * JSON {@link ApiError} instead, so every error a client can get is JSON.
 */
public class JsonErrorReportValve extends ErrorReportValve {
  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String reason = known == null ? "Error" : known.getReasonPhrase();
    String message = status == 400 ? "the request is malformed" : reason.toLowerCase(java.util.Locale.ROOT);
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"status\":" + status + ",\"error\":\"" + reason + "\",\"message\":\"" + message + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is committed: nothing more to say
    }
  }
}
