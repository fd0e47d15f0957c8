package org.remoteservices.support.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.SessionService.RecordingDestruction;
import org.remoteservices.support.application.port.RecordingServerConnector;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.Recording;

/**
 * A recording server with a deletion API: the connector deletes the recording there and the destruction record says
 * so; without one, nothing changes and the operator's task follows ({@code RecordingRetentionTest}).
 */
class RecordingServerConnectorTest {
  final SessionStore sessions = mock(SessionStore.class);
  final RecordingServerConnector server = mock(RecordingServerConnector.class);
  final Instant now = Instant.parse("2027-06-01T00:00:00Z");
  final TimeSource time = new TimeSource() {
    @Override
    public Instant now() {
      return now;
    }
  };
  final RemoteSupportPolicy policy = new RemoteSupportPolicy(null, new RemoteSupportPolicy.RecordingPolicy(Duration.ofDays(180)), null, null);
  final SessionService service = new SessionService(mock(SupportRequestStore.class), sessions, mock(JobDirectory.class), mock(FileStore.class),
      mock(MailOutbox.class), policy, time, mock(AcceptedRssv.class), server, mock(RemoteSupportProcessPort.class),
      new org.remoteservices.shared.mail.MailTemplates());

  private void recordingOnServer() {
    when(sessions.recording("r1")).thenReturn(Optional.of(
        new Recording("r1", "s1", "q1", "REFERENCE", null, "GTR-42", Instant.parse("2027-05-30T15:10:00Z"), null)));
  }

  @Test
  void aServerWithADeletionApiDeletesTheRecordingItself() {
    recordingOnServer();
    when(server.canDelete("GTR-42")).thenReturn(true);
    assertThat(service.destroyRecording("r1")).isEqualTo(RecordingDestruction.DESTROYED);
    verify(server).delete("GTR-42");
    verify(sessions).markDestroyed("r1", now);
    verify(sessions).insertDestructionRecord(eq("r1"), any(), eq(now), any(), eq("DELETED_ON_SERVER_BY_API"));
  }

  @Test
  void aServerWithoutOneLeavesItToTheOperator() {
    recordingOnServer();
    assertThat(service.destroyRecording("r1")).isEqualTo(RecordingDestruction.CONFIRMATION_NEEDED);
    verify(server, never()).delete(any());
    verify(sessions, never()).markDestroyed(any(), any());
  }
}
