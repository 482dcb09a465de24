package wasimoff.eval.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wasimoff.eval.testbed.upward.UpwardImportFixture;

/**
 * Imports run one way: each package of {@code wasimoff.eval} may import only the packages below it
 * in the order that {@code docs/architecture.md} states on its "Layers, bottom to top" line, and
 * no cycle exists between packages.
 */
class ArchitectureTest {
    private static final String BASE = "wasimoff.eval";
    private static List<String> layers;
    private static JavaClasses main;

    @BeforeAll
    static void importTheFramework() throws IOException {
        String line = Files.readAllLines(Path.of("docs/architecture.md")).stream()
                .filter(l -> l.startsWith("Layers, bottom to top:")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/architecture.md has no 'Layers, bottom to top:' line"));
        layers = Arrays.stream(line.substring(line.indexOf(':') + 1).split("<")).map(String::strip).toList();
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    @Test
    void everyPackageOfTheFrameworkHasItsPlaceInTheLayers() {
        List<String> packages = main.stream().map(c -> c.getPackageName().substring(BASE.length() + 1).split("\\.")[0])
                .distinct().sorted().toList();
        assertThat(layers).containsAll(packages);
    }

    @Test
    void noPackageImportsALayerAboveIt() {
        for (ArchRule rule : upwardImportRules()) {
            rule.check(main);
        }
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void anUpwardImportIsCaught() {
        JavaClasses withFixture = new ClassFileImporter().importClasses(UpwardImportFixture.class);
        List<String> violations = new ArrayList<>();
        for (ArchRule rule : upwardImportRules()) {
            EvaluationResult result = rule.evaluate(withFixture);
            violations.addAll(result.getFailureReport().getDetails());
        }
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("UpwardImportFixture")
                .contains("wasimoff.eval.report.AllureReport"));
    }

    private static List<ArchRule> upwardImportRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < layers.size() - 1; i++) {
            String[] above = layers.subList(i + 1, layers.size()).stream().map(l -> BASE + "." + l + "..")
                    .toArray(String[]::new);
            rules.add(noClasses().that().resideInAPackage(BASE + "." + layers.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .as(layers.get(i) + " imports nothing of " + String.join(", ", layers.subList(i + 1, layers.size())))
                    .allowEmptyShould(true));
        }
        return rules;
    }
}
