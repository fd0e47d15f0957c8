package org.remoteservices.support.application;

import java.util.Optional;
import org.remoteservices.support.api.Requester;
import org.remoteservices.support.api.SupportRequesters;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.springframework.stereotype.Service;

/** {@link SupportRequesters} from the support requests. */
@Service
public class SupportRequesterLookup implements SupportRequesters {
  private final SupportRequestStore requests;

  public SupportRequesterLookup(SupportRequestStore requests) {
    this.requests = requests;
  }

  @Override
  public Optional<Requester> find(String supportRequestId) {
    return requests.find(supportRequestId).map(r -> new Requester(r.requesterName(), r.requesterEmail()));
  }

  @Override
  public java.util.List<org.remoteservices.support.api.CaseRequester> list(int offset, int limit) {
    return requests.listOldestFirst(offset, limit).stream()
        .map(r -> new org.remoteservices.support.api.CaseRequester(r.id(), r.jobNumber(), r.requesterName(), r.requesterEmail())).toList();
  }

  @Override
  public java.util.List<org.remoteservices.support.api.CaseRequester> newestFirst(Long beforePosition, java.util.Collection<String> jobNumbers,
      int limit) {
    return requests.listNewestFirst(beforePosition, jobNumbers, limit).stream()
        .map(r -> new org.remoteservices.support.api.CaseRequester(r.id(), r.jobNumber(), r.requesterName(), r.requesterEmail(), r.caseSeq()))
        .toList();
  }
}
