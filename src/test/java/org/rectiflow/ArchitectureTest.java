package org.rectiflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules of the code's shape (docs/architecture.md): feature packages depend on each other one way only,
 * and the ledger's SQL lives in repositories and the one read model of the reports.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rectiflow");
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("org.rectiflow.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sqlOnlyInRepositoriesAndTheReportReadModel() {
        noClasses().that().areNotAnnotatedWith(Repository.class)
            .and().doNotHaveSimpleName("ReportReadModel")
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
            .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
            .because("the ledger's SQL has one home per table: its repository (reports read through ReportReadModel)")
            .check(classes);
    }

    @Test
    void theCommonPackagesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("org.rectiflow.common..", "org.rectiflow.api..")
            .should().dependOnClassesThat().resideInAnyPackage(features())
            .check(classes);
    }

    @Test
    void everyPackageSaysWhatItHolds() throws IOException {
        Path root = Path.of("src/main/java/org/rectiflow");
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> withoutInfo = dirs.filter(Files::isDirectory)
                .filter(dir -> !Files.exists(dir.resolve("package-info.java"))).toList();
            assertThat(withoutInfo).as("packages without a package-info.java").isEmpty();
        }
    }

    private static String[] features() {
        return Stream.of("bulletin", "clue", "demo", "inspection", "lookback", "measure", "notification",
                "operations", "plan", "report", "supervision")
            .map(p -> "org.rectiflow." + p + "..").toArray(String[]::new);
    }
}
