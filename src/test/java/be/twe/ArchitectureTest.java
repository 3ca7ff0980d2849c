package be.twe;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import be.twe.api.model.Problem;
import be.twe.api.model.ProblemIssue;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The architecture rules of docs/architecture.md, held against the compiled main code (issue 33).
 * A feature is a package under {@code be.twe} other than {@code common} and the generated
 * {@code api}; each has {@code rest}, {@code service} and {@code persistence} floors.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("be.twe");
    static final List<String> FEATURES = List.of("coach", "document", "exports", "funding", "helpdesk", "imports",
            "instrument", "municipality", "organisation", "privacy", "statistics", "sync", "training", "trajectory",
            "transfer", "webhooks");

    @Test
    void everyFeatureIsAPackageOfItsOwn() {
        List<String> found = MAIN.stream().map(c -> c.getPackageName().split("\\.")).filter(p -> p.length > 2)
                .map(p -> p[2]).filter(p -> !p.equals("common") && !p.equals("api")).distinct().sorted().toList();
        assertEquals(FEATURES.stream().sorted().toList(), found,
                "a new feature package: add it to FEATURES and docs/architecture.md");
    }

    @Test
    void commonImportsNoFeature() {
        noClasses().that().resideInAPackage("be.twe.common..").should().dependOnClassesThat()
                .resideInAnyPackage(FEATURES.stream().map(f -> "be.twe." + f + "..").toArray(String[]::new))
                .because("common is the floor every feature stands on").check(MAIN);
    }

    @Test
    void commonKnowsOnlyTheProblemOfTheGeneratedModels() {
        noClasses().that().resideInAPackage("be.twe.common..").should().dependOnClassesThat(
                        resideInAPackage("be.twe.api..").and(not(belongToAnyOf(Problem.class, ProblemIssue.class))))
                .because("a feature's representation is the feature's business").check(MAIN);
    }

    @Test
    void problemTypesComeOnlyFromTheCatalogue() {
        noClasses().that().resideOutsideOfPackage("be.twe.common.error..").should().callConstructor(Problem.class)
                .orShould().callMethodWhere(target(owner(assignableTo(Problem.class)))
                        .and(target(nameMatching("set(Type|Code|Status|Title)|type|code|status|title"))))
                .because("ProblemType is the catalogue: a problem's type, code, status and title come from it")
                .check(MAIN);
    }

    @Test
    void noCycleBetweenFeaturesOrBetweenPartsOfCommon() {
        slices().matching("be.twe.(*)..").should().beFreeOfCycles().check(MAIN);
        slices().matching("be.twe.common.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Hibernate 7.2 did not find its cached plan of a native query given a result class
     * ({@code createNativeQuery(sql, X.class)}): each call stored a new plan under the same hash
     * and every lookup compared against all of them; in issue 20's import profile that was most of
     * the runner's time (0.4 ms against 0.02 ms per call). Rows become records through
     * {@code common.persistence.Rows} instead, which leaves the plan as it is.
     */
    @Test
    void noNativeQueryTakesAResultClass() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("createNativeQuery(sql, a result class)",
                        (JavaMethodCall call) -> call.getTarget().getName().equals("createNativeQuery")
                                && call.getTarget().getRawParameterTypes().size() == 2
                                && call.getTarget().getRawParameterTypes().get(1).isEquivalentTo(Class.class)))
                .because("Rows.as turns rows into records without costing the query plan cache").check(MAIN);
    }

    @Test
    void resourcesTouchNeitherRepositoriesNorTheEntityManager() {
        noClasses().that().resideInAPackage("..rest..").should().dependOnClassesThat(
                        assignableTo(PanacheRepositoryBase.class).or(assignableTo(EntityManager.class))
                                .or(resideInAPackage("..persistence..").and(simpleNameEndingWith("Queries"))))
                .because("a resource maps the contract to a service call; entities reach its mapper as values")
                .check(MAIN);
    }

    /**
     * A feature's parts see another feature through its services' values: the trajectory's parts
     * (instruments, transfers, documents, helpdesk requests, the import) get a {@code TrajectoryRoot},
     * the import reads and writes its batches through {@code TrajectoryBatch} and {@code InstrumentBatch}.
     */
    @Test
    void aFeaturesPersistenceIsItsOwn() {
        classes().should(new ArchCondition<JavaClass>("not use another feature's persistence") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = feature(item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    String other = feature(target);
                    if (own != null && other != null && !own.equals(other)
                            && target.startsWith("be.twe." + other + ".persistence")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).because("another feature asks its service").check(MAIN);
    }

    /** The feature a package belongs to, or null for common and the generated code. */
    static String feature(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 && FEATURES.contains(parts[2]) ? parts[2] : null;
    }
}
