package org.remoteservices;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of each feature package: the domain knows nothing else; the use cases (application) do not
 * know the process engine or the web; only adapter.camunda talks to the engine about a feature's process.
 */
@AnalyzeClasses(packages = "org.remoteservices", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  @ArchTest
  static final ArchRule domainDependsOnNothingOfOurs = noClasses().that().resideInAPackage("..domain..")
      .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..", "org.camunda..", "org.springframework..");

  @ArchTest
  static final ArchRule useCasesDoNotKnowTheEngine = noClasses().that().resideInAPackage("..application..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "..adapter.camunda..", "..adapter.rest..");

  @ArchTest
  static final ArchRule restDoesNotDriveTheEngineDirectly = noClasses().that().resideInAPackage("..adapter.rest..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..", "..adapter.camunda..");
}
