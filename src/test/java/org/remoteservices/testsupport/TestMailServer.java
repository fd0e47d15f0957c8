package org.remoteservices.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One real GreenMail SMTP server per test JVM, on a free port (so parallel builds on one machine do not
 * collide). The application under test is pointed at it through spring.mail.port.
 */
public final class TestMailServer {
  private static GreenMail instance;
  private static int port;

  private TestMailServer() {}

  public static synchronized GreenMail instance() {
    if (instance == null) {
      port = freePort();
      instance = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      instance.start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
    }
    return instance;
  }

  public static int port() {
    instance();
    return port;
  }

  /** Takes the SMTP server down: connections to its port are refused until {@link #restart()}. */
  public static synchronized void stop() {
    instance().stop();
  }

  /** Brings the SMTP server back on the same port (the application's configuration stays valid). */
  public static synchronized void restart() {
    GreenMail mail = instance();
    mail.stop();
    mail.start();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
