package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.privacy.adapter.camunda.PrivacyProcess.RightElements.REVIEW_RETENTION;

import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.api.ErasureStep;
import org.remoteservices.privacy.application.ErasurePlanner;
import org.remoteservices.privacy.application.ErasureSteps;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.error.DomainException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The model is not the guard: what the privacy models promise is checked again by the use cases, called here
 * directly as an operator moving tokens (or a bug) would reach them.
 */
class PrivacyGuardsTest extends PrivacyTestSupport {
  @Autowired ErasurePlanner planner;
  @Autowired ErasureSteps steps;

  @Test
  void aRequestIsNotDeniedBeforeItsVerificationDeadline_unlessAnOfficerDecidedWithAReason() {
    String id = request(List.of(PrivacyRight.ACCESS), "Nobody Known", "nobody-guard@example.org", null, null, Jurisdiction.EU);
    assertThatThrownBy(() -> verification.deny(id)).isInstanceOf(DomainException.class).hasMessageContaining("verification deadline");
    assertThat(status(id)).isEqualTo("VERIFYING");
    assertThat(mails()).extracting(m -> m.subject()).noneMatch(s -> s.contains("We cannot act"));

    verification.recordDenialReason(id, "The caller hung up.");
    verification.deny(id);
    assertThat(status(id)).isEqualTo("DENIED");
  }

  @Test
  void nothingIsErasedBeforeTheRetentionReview_norWhatALegalHoldPlacedSinceCovers() {
    Subject s = subject("Gil Guarded");
    throughWorkOrder(s);
    String id = request(List.of(PrivacyRight.ERASURE), s.name(), s.email(), s.phone(), s.job().jobNumber(), Jurisdiction.EU);
    evidence.signDeclaration(mailToken(s.email(), "/portal/privacy/declaration/"), s.name(), true);
    confirmAtRecord(s.email());
    task(id, REVIEW_RETENTION); // verified, waiting for the review

    // a token moved past the review: every step refuses, nothing goes
    for (ErasureStep step : ErasureStep.values()) {
      assertThatThrownBy(() -> steps.erase(id, step)).hasMessageContaining("retention review");
    }
    assertThatThrownBy(() -> steps.eraseFiles(id)).hasMessageContaining("retention review");
    assertThatThrownBy(() -> steps.eraseProcessData(id)).hasMessageContaining("retention review");
    assertThatThrownBy(() -> planner.inventory(id)).hasMessageContaining("retention review");
    assertThat(jdbc.sql("select count(*) from support_request where id = ?").param(s.supportRequestId()).query(Integer.class).single()).isEqualTo(1);

    // the review decided "keep nothing"; then a legal hold arrives before the steps ran: they refuse what it covers
    planner.reviewRetention(id, List.of(), null, "priya");
    jdbc.sql("insert into privacy_legal_hold (id, job_number, category, legal_basis, created_at) values (?, ?, 'WORK_ORDERS', ?, current_timestamp)")
        .params(java.util.UUID.randomUUID().toString(), s.job().jobNumber(), "Warranty claim W-1").update();
    assertThatThrownBy(() -> steps.erase(id, ErasureStep.RECORDS)).hasMessageContaining("legal hold covers WORK_ORDERS");
    assertThat(jdbc.sql("select count(*) from work_order where support_request_id = ?").param(s.supportRequestId()).query(Integer.class).single())
        .isEqualTo(1);

    // through the model the officer must now keep the held category, and the erasure runs
    complete(id, REVIEW_RETENTION, Map.of("input_retain", SpinValues.jsonValue("[\"WORK_ORDERS\"]").create()));
    assertThat(instance(id)).isEnded();
    assertThat(jdbc.sql("select count(*) from work_order where support_request_id = ?").param(s.supportRequestId()).query(Integer.class).single())
        .isEqualTo(1);
  }
}
