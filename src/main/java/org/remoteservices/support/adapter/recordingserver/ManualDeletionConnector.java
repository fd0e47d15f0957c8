package org.remoteservices.support.adapter.recordingserver;

import org.remoteservices.support.application.port.RecordingServerConnector;
import org.springframework.stereotype.Component;

/**
 * The connector for a tool without a deletion API (GoTo Rescue's recording archive, as configured today): it deletes
 * nothing, so every referenced recording goes to the operator's "Delete recording … on the recording server" task. A
 * tool with an API gets its own {@link RecordingServerConnector} in this package instead of this one.
 */
@Component
public class ManualDeletionConnector implements RecordingServerConnector {
  @Override
  public boolean canDelete(String externalRef) {
    return false;
  }

  @Override
  public void delete(String externalRef) {
    throw new UnsupportedOperationException("this recording server has no deletion API: an operator deletes and confirms");
  }
}
