package org.remoteservices.privacy.application;

import java.time.Duration;
import java.util.List;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.support.api.Requester;
import org.remoteservices.support.api.SupportRequesters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-click unsubscribe link of marketing mail (RFC 8058: the page's button or a mail client's POST). The
 * choice takes effect at once and is also recorded as a privacy request of its own (receipt, confirmation).
 */
@Service
public class UnsubscribeService {
  static final Duration LINK_VALIDITY = Duration.ofDays(365);

  private final AccessTokens tokens;
  private final SupportRequesters supportRequests;
  private final PrivacyRequestService requests;
  private final PrivacyRecordStore records;
  private final SubjectKeys keys;
  private final SubjectChoicesService choices;
  private final PublicLinks links;
  private final TimeSource time;

  public UnsubscribeService(AccessTokens tokens, SupportRequesters supportRequests, PrivacyRequestService requests,
      PrivacyRecordStore records, SubjectKeys keys, SubjectChoicesService choices, PublicLinks links, TimeSource time) {
    this.tokens = tokens;
    this.supportRequests = supportRequests;
    this.requests = requests;
    this.records = records;
    this.keys = keys;
    this.choices = choices;
    this.links = links;
    this.time = time;
  }

  /** The link for a marketing mail to the requester of a support request (the page; POST to /api/unsubscribe/{token} for one click). */
  @Transactional
  public String linkFor(String supportRequestId) {
    return links.link("/portal/unsubscribe/" + tokens.issue(TokenPurpose.UNSUBSCRIBE, supportRequestId, time.now().plus(LINK_VALIDITY)));
  }

  /** The page and the RFC 8058 one-click URL of one token (List-Unsubscribe: &lt;oneClick&gt;). */
  public record Links(String page, String oneClick) {}

  @Transactional
  public Links linksFor(String supportRequestId) {
    String token = tokens.issue(TokenPurpose.UNSUBSCRIBE, supportRequestId, time.now().plus(LINK_VALIDITY));
    return new Links(links.link("/portal/unsubscribe/" + token), links.link("/api/unsubscribe/" + token));
  }

  public record Outcome(String status, String reference) {}

  public Outcome view(String token) {
    Requester request = requester(token);
    return new Outcome(choices.mayMarket(request.email()) ? "SUBSCRIBED" : "UNSUBSCRIBED", null);
  }

  @Transactional
  public Outcome unsubscribe(String token) {
    Requester request = requester(token);
    if (!choices.mayMarket(request.email())) {
      return new Outcome("UNSUBSCRIBED", null);
    }
    PrivacyRequest privacyRequest = requests.receive(new PrivacyRequestService.Intake("UNSUBSCRIBE_LINK", List.of(PrivacyRight.UNSUBSCRIBE_MARKETING),
        request.name(), request.email(), null, null, null, Jurisdiction.OTHER, null, false, null, null));
    records.setFlag(keys.of(request.email()), PrivacyRight.UNSUBSCRIBE_MARKETING.name(), privacyRequest.id());
    return new Outcome("UNSUBSCRIBED", privacyRequest.reference());
  }

  private Requester requester(String token) {
    String supportRequestId = tokens.resolve(TokenPurpose.UNSUBSCRIBE, token);
    return supportRequests.find(supportRequestId).orElseThrow(() -> DomainException.gone("this link is no longer valid"));
  }
}
