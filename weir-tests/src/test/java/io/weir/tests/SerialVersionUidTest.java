package io.weir.tests;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.io.Serializable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Every serializable class of Weir (functions, sources, sinks, windowing, tuples, state descriptors...) declares
 * its {@code serialVersionUID}. Each subtask gets a copy of the user's functions made by Java serialization;
 * without a declared one, the first copy of a class computes a SHA-1 digest of its shape, which (with loading the
 * security providers for it) took a tenth of a trivial job's start. Covers every module, so it lives here, where
 * all of them are on the class path.
 */
class SerialVersionUidTest {
    private static final ArchCondition<JavaClass> DECLARE_SERIAL_VERSION_UID =
            new ArchCondition<>("declare a serialVersionUID") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    boolean declared = javaClass.getFields().stream().anyMatch(f -> f.getName().equals("serialVersionUID")
                            && f.getModifiers().contains(JavaModifier.STATIC));
                    if (!declared) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                + " is Serializable but declares no serialVersionUID"));
                    }
                }
            };

    @Test
    void everySerializableClassDeclaresItsSerialVersionUid() {
        JavaClasses weir = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.weir");
        classes().that().areAssignableTo(Serializable.class).and().areNotInterfaces().and().areNotEnums()
                .and().areNotRecords().and().areNotAnonymousClasses()
                .should(DECLARE_SERIAL_VERSION_UID)
                .check(weir);
    }
}
