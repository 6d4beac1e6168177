package io.weir.runtime.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the import directions of DESIGN.md section 2 honest. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.weir");
    }

    @Test
    void theApiKnowsNothingOfTheRuntime() {
        noClasses().that().resideInAPackage("io.weir.api..")
                .should().dependOnClassesThat().resideInAPackage("io.weir.runtime..")
                .check(classes);
    }

    @Test
    void operatorsNeverReachForTheSchedulerTasksOrExecutor() {
        noClasses().that().resideInAPackage("io.weir.runtime.operators..")
                .should().dependOnClassesThat().resideInAnyPackage("io.weir.runtime.scheduler..",
                        "io.weir.runtime.task..", "io.weir.runtime.executor..", "io.weir.runtime.translate..")
                .check(classes);
    }

    @Test
    void exchangesAndStateAreIndependentOfOperatorsAndTasks() {
        noClasses().that().resideInAnyPackage("io.weir.runtime.exchange..", "io.weir.runtime.state..")
                .should().dependOnClassesThat().resideInAnyPackage("io.weir.runtime.operators..",
                        "io.weir.runtime.task..", "io.weir.runtime.scheduler..", "io.weir.runtime.executor..")
                .check(classes);
    }

    @Test
    void theExecutionModeIsReadOnlyByTranslation() {
        noClasses().that().resideInAnyPackage("io.weir.runtime.operators..", "io.weir.runtime.task..",
                        "io.weir.runtime.exchange..", "io.weir.runtime.state..")
                .should().accessField(io.weir.api.config.ExecutionOptions.class, "RUNTIME_MODE")
                .check(classes);
    }
}
