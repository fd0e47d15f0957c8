package org.remoteservices.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.shared.security.StaffOnly;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Architecture rules of the web layer: every controller handler says who may call it, and the public ones are
 * exactly the list below. Making an endpoint public therefore means adding it here, in a reviewed change.
 */
class EndpointAnnotationsTest {
  /** Handlers that anyone on the internet may call (ClassSimpleName.method). Add privacy request and unsubscribe here. */
  static final Set<String> PUBLIC_HANDLERS = new TreeSet<>(Set.of(
      "SupportRequestController.submit",
      "RssvController.view",
      "RssvController.form",
      "RssvController.upload",
      "RssvController.sign",
      "SurveyController.view",
      "SurveyController.answer",
      "PortalPagesController.home", // issue 13: the portal's home page
      "PortalPagesController.support",
      "PortalPagesController.rssv",
      "PortalPagesController.survey",
      "PortalPagesController.status",
      "CaseStatusController.view",
      "MailCatcherController.page", // an empty page shell; its data API is staff-only
      // privacy requests (issue 3): submit one, and the mailed single-purpose links behind it
      "PrivacyRequestController.submit",
      "PrivacyLinksController.declaration", "PrivacyLinksController.signDeclaration", "PrivacyLinksController.uploadDeclaration",
      "PrivacyLinksController.agentPermission", "PrivacyLinksController.uploadAgentPermission",
      "PrivacyLinksController.confirmation", "PrivacyLinksController.confirm",
      // issue 10: the confirmation at the address on record, the e-mail change confirmed from the old address, the download
      "PrivacyLinksController.identity", "PrivacyLinksController.confirmIdentity", "PrivacyLinksController.emailChange",
      "PrivacyLinksController.confirmEmailChange", "PrivacyLinksController.download", "PrivacyLinksController.downloadFile",
      "PrivacyPortalPagesController.download",
      "PrivacyLinksController.unsubscribe", "PrivacyLinksController.unsubscribeStatus",
      // issue 11: a recipient confirms an Art. 19 notice through its link
      "RecipientReceiptController.receipt", "RecipientReceiptController.confirmReceipt", "PrivacyPortalPagesController.receipt",
      "PrivacyPortalPagesController.request", "PrivacyPortalPagesController.evidence", "PrivacyPortalPagesController.unsubscribe"));

  static final JavaClasses CLASSES = importOwnClasses();

  /** The project's classes only: annotations are matched by name, so Spring and Camunda need not be imported (fast). */
  static JavaClasses importOwnClasses() {
    ArchConfiguration configuration = ArchConfiguration.get();
    boolean before = configuration.resolveMissingDependenciesFromClassPath();
    configuration.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.remoteservices");
    } finally {
      configuration.setResolveMissingDependenciesFromClassPath(before);
    }
  }

  static final DescribedPredicate<JavaMethod> HANDLER = DescribedPredicate.describe("request handlers of controllers",
      m -> (m.getOwner().isAnnotatedWith(Controller.class) || m.getOwner().isAnnotatedWith(RestController.class))
          && (m.isAnnotatedWith(RequestMapping.class) || m.isAnnotatedWith(GetMapping.class) || m.isAnnotatedWith(PostMapping.class)
          || m.isAnnotatedWith(PutMapping.class) || m.isAnnotatedWith(DeleteMapping.class) || m.isAnnotatedWith(PatchMapping.class)));

  static boolean isPublic(JavaMethod m) {
    return m.isAnnotatedWith(PublicEndpoint.class) || m.getOwner().isAnnotatedWith(PublicEndpoint.class);
  }

  static boolean isStaff(JavaMethod m) {
    return m.isAnnotatedWith(StaffOnly.class) || m.getOwner().isAnnotatedWith(StaffOnly.class);
  }

  @Test
  void everyHandlerIsEitherPublicOrStaffOnlyNeverBoth() {
    methods().that(HANDLER).should(new ArchCondition<JavaMethod>("be annotated with exactly one of @PublicEndpoint or @StaffOnly") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        boolean ok = isPublic(method) ^ isStaff(method);
        events.add(new SimpleConditionEvent(method, ok, method.getFullName() + (ok ? " is guarded" : " is not exactly one of public/staff")));
      }
    }).check(CLASSES);
  }

  @Test
  void thePublicHandlersAreExactlyTheAllowList() {
    Set<String> found = new TreeSet<>();
    CLASSES.stream().flatMap(c -> c.getMethods().stream()).filter(HANDLER).filter(EndpointAnnotationsTest::isPublic)
        .forEach(m -> found.add(m.getOwner().getSimpleName() + "." + m.getName()));
    assertThat(found).isEqualTo(PUBLIC_HANDLERS);
  }
}
