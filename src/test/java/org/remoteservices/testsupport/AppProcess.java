package org.remoteservices.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The application as a separate operating-system process: {@code java -cp <the build's classpath>
 * org.remoteservices.RemoteServicesApplication --args}, as it runs in production. Killed with SIGKILL
 * ({@link #kill()}, what {@code kill -9} does) or stopped with SIGTERM ({@link #stop()}). Its log goes to
 * {@code target/app-logs/}.
 */
public final class AppProcess {
  private final String name;
  private final int port;
  private final List<String> args;
  private final java.util.Map<String, String> env;
  private Process process;
  private int starts;

  public AppProcess(String name, int port, List<String> args) {
    this(name, port, args, java.util.Map.of());
  }

  /** {@code env}: environment variables, as production sets them (DB_URL, SPRING_PROFILES_ACTIVE, ...). */
  public AppProcess(String name, int port, List<String> args, java.util.Map<String, String> env) {
    this.name = name;
    this.port = port;
    this.args = List.copyOf(args);
    this.env = java.util.Map.copyOf(env);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the JVM and waits until the application answers its health check. */
  public AppProcess start(Duration timeout) {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    starts++;
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", applicationClasspath(), "org.remoteservices.RemoteServicesApplication", "--server.port=" + port));
    command.addAll(args);
    try {
      Path logs = Files.createDirectories(Path.of("target", "app-logs"));
      if (starts == 1) { // logs of an earlier run under this name
        try (var old = Files.list(logs)) {
          for (Path f : old.filter(f -> f.getFileName().toString().startsWith(name + "-")).toList()) {
            Files.delete(f);
          }
        }
      }
      File log = logs.resolve(name + "-" + starts + ".log").toFile();
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
      builder.environment().putAll(env);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitHealthy(timeout);
    return this;
  }

  /** SIGKILL: no shutdown hooks, no graceful stop, in-flight transactions simply vanish. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: Spring's graceful shutdown. */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitForExit();
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up (exit " + process.exitValue() + "); see target/app-logs/");
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException(name + " not healthy within " + timeout + "; see target/app-logs/");
  }

  /**
   * The application's classpath: the build's classes and its dependencies, as Maven resolved them for this
   * test run, without the test classes (the application runs as shipped, not with test components).
   */
  static String applicationClasspath() {
    String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(testClasses))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
