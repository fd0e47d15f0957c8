package org.remoteservices.support.application;

import java.util.Optional;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.support.application.port.RssvStore;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.RssvForm;
import org.remoteservices.support.domain.RssvReturn;
import org.springframework.stereotype.Component;

/**
 * The precondition of every step after the RSSV check, checked by the step itself and not left to the model:
 * anyone with engine rights can move a token (correlate {@code RemoteSupport.RssvReturned} without a return, start
 * an instance before "Schedule remote session" or "Mail session invitation"). A session may be scheduled and an
 * invitation mailed only when the latest signed copy the customer returned for this case's own form was accepted.
 */
@Component
class AcceptedRssv {
  private final RssvStore forms;
  private final SupportRequestStore requests;

  AcceptedRssv(RssvStore forms, SupportRequestStore requests) {
    this.forms = forms;
    this.requests = requests;
  }

  /**
   * Refuses (CONFLICT) unless the case's latest returned RSSV belongs to the case's own form and was accepted.
   *
   * @param refused what is refused, the start of the sentence ("No session is scheduled")
   */
  void require(String supportRequestId, String refused) {
    Optional<RssvReturn> latest = forms.latestReturn(supportRequestId);
    boolean ofThisCase = latest.flatMap(r -> forms.form(r.rssvFormId())).map(RssvForm::supportRequestId)
        .filter(supportRequestId::equals).isPresent();
    if (latest.isEmpty() || !ofThisCase || !RssvReturn.ACCEPTED.equals(latest.get().decision())) {
      String caseNumber = requests.get(supportRequestId).caseNumber();
      String why = latest.isEmpty() ? "the customer has not returned the signed RSSV form"
          : !ofThisCase ? "the latest returned RSSV form is not this case's"
          : RssvReturn.REJECTED.equals(latest.get().decision()) ? "the latest returned RSSV form was rejected"
          : "the returned RSSV form has not been checked and accepted yet";
      throw DomainException.conflict(refused + " for case " + caseNumber + ": " + why
          + ". A session needs an accepted RSSV form; the case reached this step without one (check its history in Cockpit).");
    }
  }
}
