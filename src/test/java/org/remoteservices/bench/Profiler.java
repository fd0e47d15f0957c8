package org.remoteservices.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of one phase (execution samples every 10-20 ms per running thread), summarised: where the CPU
 * goes by thread kind, by library at the top of the stack ("self"), and what our own code costs including what it
 * calls ("inclusive"). The .jfr file stays in target/bench for JDK Mission Control.
 */
public final class Profiler implements AutoCloseable {
  private final Recording recording;
  private final Path file;

  public Profiler(Path file) throws Exception {
    this.file = file;
    recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
  }

  @Override
  public void close() throws Exception {
    recording.stop();
    recording.dump(file);
    recording.close();
  }

  public record Profile(int samples, Map<String, Double> byThread, Map<String, Double> selfByLibrary, Map<String, Double> inclusive,
      List<String> hottestMethods) {}

  /** Inclusive markers: share of application-thread samples with any frame matching. */
  private static final Map<String, String[]> INCLUSIVE = new LinkedHashMap<>();
  static {
    INCLUSIVE.put("our code (org.remoteservices, all it calls)", new String[] {"org.remoteservices.support.", "org.remoteservices.shared.", "org.remoteservices.jobs."});
    INCLUSIVE.put("  PDF rendering/stamping (OpenPDF)", new String[] {"com.lowagie."});
    INCLUSIVE.put("  mail: compose + SMTP send (MailOutbox)", new String[] {"org.remoteservices.shared.mail.MailOutbox"});
    INCLUSIVE.put("  task naming listener", new String[] {"org.remoteservices.support.adapter.camunda.NameTaskAfterCaseListener"});
    // HTTP Basic on /api and /engine-rest (Spring Security, login throttle, checkPassword, groups)
    INCLUSIVE.put("  staff and engine REST authentication (password check)", new String[] {"org.remoteservices.shared.security.CamundaPasswords"});
    INCLUSIVE.put("Spring Security filter chain (all it calls)", new String[] {"org.springframework.security.web.FilterChainProxy.doFilterInternal"});
    INCLUSIVE.put("engine: job acquisition", new String[] {"org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCmd"});
    INCLUSIVE.put("engine: history event handling", new String[] {"org.camunda.bpm.engine.impl.history."});
    INCLUSIVE.put("engine: flush to the database (DbSqlSession.flush)", new String[] {"org.camunda.bpm.engine.impl.db.sql.DbSqlSession.flush", "org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush"});
    INCLUSIVE.put("JDBC driver (H2 / PostgreSQL)", new String[] {"org.h2.", "org.postgresql."});
    INCLUSIVE.put("BPMN/form parsing at runtime (formRef lookup)", new String[] {"org.camunda.bpm.engine.impl.form.", "org.camunda.bpm.engine.impl.cmd.GetDeployedTaskFormCmd"});
  }

  private static final String[][] LIBRARIES = {
      {"org.h2.", "H2"}, {"org.postgresql.", "PostgreSQL driver"}, {"org.apache.ibatis.", "MyBatis (engine persistence)"},
      {"org.camunda.", "Camunda engine / REST"}, {"com.lowagie.", "OpenPDF"}, {"jakarta.mail.", "Jakarta Mail"},
      {"org.eclipse.angus.", "Jakarta Mail"}, {"com.sun.mail.", "Jakarta Mail"}, {"org.remoteservices.bench.", "benchmark harness"},
      {"org.remoteservices.", "our code"}, {"com.zaxxer.", "HikariCP"}, {"org.springframework.", "Spring"}, {"org.apache.catalina.", "Tomcat"},
      {"org.apache.coyote.", "Tomcat"}, {"org.apache.tomcat.", "Tomcat"}, {"org.glassfish.jersey.", "Jersey (engine REST)"},
      {"com.fasterxml.", "Jackson"}, {"com.icegreen.", "GreenMail (test SMTP server)"}, {"jdk.internal.net.http.", "HTTP client (harness)"},
      {"sun.nio.", "JDK I/O"}, {"java.io.", "JDK I/O"}, {"sun.security.", "JDK crypto"}, {"java.security.", "JDK crypto"},
      {"java.util.regex.", "JDK regex"}, {"java.lang.invoke.", "JDK reflection/invoke"}, {"jdk.internal.reflect.", "JDK reflection/invoke"},
      {"java.lang.reflect.", "JDK reflection/invoke"}, {"java.", "JDK other"}, {"jdk.", "JDK other"}, {"sun.", "JDK other"}};

  public static Profile summarise(Path file) throws Exception {
    Map<String, Integer> byThread = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new LinkedHashMap<>();
    Map<String, Integer> methods = new HashMap<>();
    int total = 0;
    int app = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      total++;
      String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
      String kind = threadKind(thread, stack);
      byThread.merge(kind, 1, Integer::sum);
      if (!kind.startsWith("app:")) {
        continue;
      }
      app++;
      RecordedFrame top = stack.getFrames().get(0);
      String topClass = top.getMethod().getType().getName();
      self.merge(library(topClass), 1, Integer::sum);
      methods.merge(topClass + "." + top.getMethod().getName(), 1, Integer::sum);
      for (Map.Entry<String, String[]> marker : INCLUSIVE.entrySet()) {
        if (matches(stack, marker.getValue())) {
          inclusive.merge(marker.getKey(), 1, Integer::sum);
        }
      }
    }
    List<String> hottest = new ArrayList<>();
    int appSamples = Math.max(1, app);
    methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
        .forEach(e -> hottest.add(String.format("%.1f%% %s", 100.0 * e.getValue() / appSamples, e.getKey())));
    Map<String, Double> inclusivePct = new LinkedHashMap<>();
    INCLUSIVE.keySet().forEach(k -> inclusivePct.put(k, 100.0 * inclusive.getOrDefault(k, 0) / appSamples));
    return new Profile(total, percent(byThread, Math.max(1, total)), percent(self, appSamples), inclusivePct, hottest);
  }

  private static boolean matches(RecordedStackTrace stack, String[] prefixes) {
    for (RecordedFrame frame : stack.getFrames()) {
      String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
      for (String p : prefixes) {
        if (name.startsWith(p)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String threadKind(String thread, RecordedStackTrace stack) {
    if (thread.startsWith("http-nio")) {
      return "app: HTTP request threads (Tomcat)";
    }
    if (thread.toLowerCase().contains("camunda") || thread.toLowerCase().contains("jobexecutor") || thread.toLowerCase().contains("job-executor")
        || matches(stack, new String[] {"org.camunda.bpm.engine.impl.jobexecutor."})) {
      return "app: job executor threads";
    }
    if (thread.startsWith("mail-delivery")) {
      return "app: mail delivery threads (after commit)";
    }
    if (matches(stack, new String[] {"com.icegreen."})) {
      return "test: GreenMail SMTP server";
    }
    if (thread.startsWith("bench-") || thread.startsWith("HttpClient") || matches(stack, new String[] {"org.remoteservices.bench.", "jdk.internal.net.http."})) {
      return "test: benchmark harness (customers, technicians)";
    }
    return "other (" + thread.replaceAll("[0-9]+", "N") + ")";
  }

  private static String library(String className) {
    for (String[] l : LIBRARIES) {
      if (className.startsWith(l[0])) {
        return l[1];
      }
    }
    return "other";
  }

  private static Map<String, Double> percent(Map<String, Integer> counts, int total) {
    Map<String, Double> out = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> out.put(e.getKey(), 100.0 * e.getValue() / total));
    return out;
  }
}
