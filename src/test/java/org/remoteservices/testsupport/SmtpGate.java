package org.remoteservices.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP pass-through in front of the test's SMTP server that can be held: while held, it accepts new
 * connections but answers nothing (the application's mail step hangs mid-send, its job locked and in
 * flight); when opened again, waiting and new connections go through. The application is configured with
 * the gate's port instead of the mail server's.
 */
public final class SmtpGate implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "smtp-gate");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile boolean open = true;
  private volatile boolean closed;

  public SmtpGate(int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.submit(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  public void hold() {
    open = false;
  }

  public void open() {
    open = true;
  }

  /** Connections accepted while held, still waiting: mail steps caught in flight. */
  public int waiting() {
    return waiting.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        threads.submit(() -> relay(client));
      } catch (IOException e) {
        if (!closed) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void relay(Socket client) {
    boolean counted = false;
    try (client) {
      if (!open) {
        waiting.incrementAndGet();
        counted = true;
        while (!open && !closed) {
          Thread.sleep(20);
        }
        waiting.decrementAndGet();
        counted = false;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
        var toServer = threads.submit(() -> pump(client, upstream));
        pump(upstream, client);
        toServer.get();
      }
    } catch (Exception e) {
      // a side went away (e.g. the application was killed): nothing to relay any more
    } finally {
      if (counted) {
        waiting.decrementAndGet();
      }
    }
  }

  private static Void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // connection closed
    }
    return null;
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    threads.shutdownNow();
  }
}
