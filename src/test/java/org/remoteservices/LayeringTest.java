package org.remoteservices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.shared.data.DataOwner;

/**
 * The seams between features and layers (docs/architecture.md). Each feature exposes what others may use in
 * its {@code api} package only; {@code shared} knows no feature; use cases (application) and the domain depend on
 * ports they own, never on adapters, the process engine or the web; only adapter.camunda talks to the engine.
 */
@AnalyzeClasses(packages = "org.remoteservices", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  /** The features: a package each under org.remoteservices, with an api package. */
  static final List<String> FEATURES = List.of("support", "jobs", "privacy", "communications", "reports", "tasknotices");

  @ArchTest
  static final ArchRule featuresMeetOnlyThroughTheirApi = CompositeArchRule.of(FEATURES.stream().map(LayeringTest::onlyApiFromOutside).toList());

  private static ArchRule onlyApiFromOutside(String feature) {
    String root = "org.remoteservices." + feature;
    return noClasses().that().resideOutsideOfPackage(root + "..")
        .should().dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root + ".api.."))))
        .as("outside " + feature + ", only " + feature + ".api is used");
  }

  @ArchTest
  static final ArchRule sharedKnowsNoFeature = noClasses().that().resideInAPackage("org.remoteservices.shared..")
      .should().dependOnClassesThat().resideInAnyPackage("org.remoteservices.support..", "org.remoteservices.jobs..",
          "org.remoteservices.privacy..", "org.remoteservices.communications..", "org.remoteservices.demo..", "org.remoteservices.reports..");

  @ArchTest
  static final ArchRule apisAreInterfacesAndValues = noClasses().that().resideInAPackage("..api..")
      .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..", "..domain..", "org.camunda..", "org.springframework..");

  @ArchTest
  static final ArchRule useCasesAndDomainUsePortsNotAdapters = noClasses().that().resideInAnyPackage("..application..", "..domain..")
      .should().dependOnClassesThat().resideInAPackage("..adapter..");

  @ArchTest
  static final ArchRule domainDependsOnNothingOfOurs = noClasses().that().resideInAPackage("..domain..")
      .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..", "org.camunda..", "org.springframework..");

  @ArchTest
  static final ArchRule useCasesDoNotKnowTheEngine = noClasses().that().resideInAPackage("..application..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "..adapter.camunda..", "..adapter.rest..");

  /** Services throw DomainException; only the REST edge knows HTTP statuses. */
  @ArchTest
  static final ArchRule noWebTypesInUseCasesOrDomain = noClasses().that().resideInAnyPackage("..application..", "..domain..", "..api..")
      .should().dependOnClassesThat(resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..",
          "org.remoteservices.shared.web.."));

  @ArchTest
  static final ArchRule restDoesNotDriveTheEngineDirectly = noClasses().that().resideInAPackage("..adapter.rest..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..", "..adapter.camunda..");

  /** A subject-data provider belongs to the feature that owns the data; the privacy feature only collects them. */
  @ArchTest
  static final ArchRule providersAreWhereTheirDataIs = classes().that().implement(SubjectDataProvider.class)
      .should().resideOutsideOfPackages("..adapter.rest..", "..adapter.camunda..", "..domain..");

  @ArchTest
  static final ArchRule tableOwnersAreNotWebOrProcessAdapters = classes().that().implement(DataOwner.class)
      .should().resideOutsideOfPackages("..adapter.rest..", "..adapter.camunda..");
}
