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
 * connections but answers nothing, and passes nothing more from the application to the server on the connections
 * already open (a kept connection's NOOP or next message): the application's mail step or delivery hangs mid-send,
 * its job locked and in flight, and no mail can complete at the server. The server's replies still come through, so a
 * message the server took before the hold is known to the application as sent. When opened again, everything waiting
 * goes through. The application is configured with the gate's port instead of the mail server's.
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

  /** Connections accepted while held, or with data held back, still waiting: mail steps caught in flight. */
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
        var toServer = threads.submit(() -> pumpUnlessHeld(client, upstream));
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

  /**
   * Application to server: each chunk waits while the gate is held. What a client sent while held and then died (the
   * test killed the application) is dropped, not passed on when the gate opens: the server never sees it complete, as
   * a server that stalled would not have, instead of taking a mail whose sender is gone and never learnt it was taken.
   */
  private Void pumpUnlessHeld(Socket from, Socket to) {
    try {
      byte[] chunk = new byte[8192];
      java.io.PushbackInputStream in = new java.io.PushbackInputStream(from.getInputStream(), 1);
      java.io.OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(chunk)) >= 0; ) {
        if (!open) {
          waiting.incrementAndGet();
          try {
            while (!open && !closed) {
              Thread.sleep(20);
            }
          } finally {
            waiting.decrementAndGet();
          }
          if (gone(from, in)) {
            break;
          }
        }
        out.write(chunk, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // connection closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /** Whether the client has closed its side (or was killed): a short read that finds the end of the stream. */
  private static boolean gone(Socket client, java.io.PushbackInputStream in) {
    try {
      client.setSoTimeout(50);
      int next = in.read();
      if (next < 0) {
        return true;
      }
      in.unread(next);
      return false;
    } catch (java.net.SocketTimeoutException alive) {
      return false;
    } catch (IOException reset) {
      return true;
    } finally {
      try {
        client.setSoTimeout(0);
      } catch (IOException ignored) {
        // closed meanwhile: the next read says so
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
