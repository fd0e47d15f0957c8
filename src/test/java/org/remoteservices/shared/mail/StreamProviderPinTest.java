package org.remoteservices.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Jakarta Mail's provider lookup is pinned to the class its ServiceLoader scan would find (see {@link StreamProviderPin}). */
class StreamProviderPinTest {

  @Test
  void loadingTheOutboxPinsTheProviderTheScanWouldFind() throws Exception {
    Class.forName(MailOutbox.class.getName(), true, MailOutbox.class.getClassLoader());

    String scanned = ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass().getName();
    assertThat(System.getProperty(StreamProviderPin.PROPERTY)).isEqualTo(scanned);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(scanned);
  }

  @Test
  void aProviderNamedFromOutsideIsLeftAlone() {
    String before = System.getProperty(StreamProviderPin.PROPERTY);
    System.setProperty(StreamProviderPin.PROPERTY, "com.example.OtherStreamProvider");
    try {
      StreamProviderPin.pin();
      assertThat(System.getProperty(StreamProviderPin.PROPERTY)).isEqualTo("com.example.OtherStreamProvider");
    } finally {
      if (before == null) {
        System.clearProperty(StreamProviderPin.PROPERTY);
      } else {
        System.setProperty(StreamProviderPin.PROPERTY, before);
      }
    }
  }
}
