package org.remoteservices.privacy.application;

import java.util.Set;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.ErasureStep;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.privacy.application.port.PrivacyProcessPort;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.files.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second half of an erasure: each step of the model erases what the plan lists for it, in parallel with
 * the others, each retried on its own. Every step re-checks that the request is verified, that the retention
 * review was decided and that no legal hold covers what it deletes ({@link ErasurePlanner#requireErasable}): a
 * token moved past verification or the review in Cockpit still erases nothing.
 */
@Service
public class ErasureSteps {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureSteps.class);

  private final PrivacyRecordStore records;
  private final SubjectService subjects;
  private final ErasurePlanner planner;
  private final PrivacyProcessPort process;
  private final FileStore files;

  public ErasureSteps(PrivacyRecordStore records, SubjectService subjects, ErasurePlanner planner,
      PrivacyProcessPort process, FileStore files) {
    this.records = records;
    this.subjects = subjects;
    this.planner = planner;
    this.process = process;
    this.files = files;
  }

  /** The providers of one step erase the records the plan lists under their store; each leaves its receipt. */
  @Transactional
  public void erase(String id, ErasureStep step) {
    PrivacyRequest request = planner.requireErasable(id);
    Set<RetentionCategory> keep = records.retained(id).keySet();
    for (SubjectDataProvider provider : subjects.providers()) {
      if (provider.erasureStep() != step) {
        continue;
      }
      SubjectRecords planned = SubjectRecords.of(provider.store(), records.plannedItems(id, provider.store()));
      ErasureReceipt receipt = provider.erase(planned, keep, "erased (privacy request " + request.reference() + ")");
      records.saveReceipt(id, receipt);
      records.markErased(id, provider.store());
      LOG.info("privacy request {}: {} erased {} record(s)", id, provider.store(), receipt.total());
    }
  }

  @Transactional
  public void eraseFiles(String id) {
    planner.requireErasable(id);
    records.plannedItems(id, ErasurePlanner.FILES).forEach(files::deleteWithEmptyFolders);
    records.markErased(id, ErasurePlanner.FILES);
  }

  @Transactional
  public void eraseProcessData(String id) {
    PrivacyRequest request = planner.requireErasable(id);
    var instances = records.plannedItems(id, ErasurePlanner.ENGINE);
    process.cancelProcessInstances(instances, "erased by privacy request " + request.reference()); // in case one started since
    process.eraseProcessHistory(instances);
    records.markErased(id, ErasurePlanner.ENGINE);
  }
}
