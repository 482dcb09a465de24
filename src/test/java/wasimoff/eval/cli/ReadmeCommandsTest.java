package wasimoff.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.scenario.ScenarioLoader;

/**
 * What the README tells users to type points at something that exists: every {@code -Pscenario=}
 * profile is in the pom and runs a scenario class whose scenario file loads, and every test the
 * README names by {@code -Dtest=} is a class of this project. (The commands themselves run in CI and
 * in the tests that run them as typed.)
 */
class ReadmeCommandsTest {
    private static final Path README = Path.of("README.md");

    @Test
    void everyScenarioProfileTheReadmeNamesRunsAScenarioClassWhoseFileLoads() throws Exception {
        String readme = Files.readString(README);
        String pom = Files.readString(Path.of("pom.xml"));
        Set<String> profiles = matches(readme, "-Pscenario=([a-z-]+)");
        assertThat(profiles).contains("optimal", "lots-of-small", "pingtest", "knee", "trace", "livescaling");
        for (String id : profiles) {
            Matcher m = Pattern.compile("<id>scenario=" + Pattern.quote(id) + "</id>.*?<scenario.include>(\\w+)"
                    + "</scenario.include>", Pattern.DOTALL).matcher(pom);
            assertThat(m.find()).as("pom.xml profile scenario=" + id).isTrue();
            Class<?> test = Class.forName("wasimoff.eval.scenarios." + m.group(1));
            EvaluationScenario scenario = test.getAnnotation(EvaluationScenario.class);
            if (scenario != null) {
                assertThat(ScenarioLoader.of(Path.of("scenarios")).load(scenario.value()).id()).isEqualTo(scenario.value());
            }
        }
    }

    @Test
    void everyTestTheReadmeNamesIsAClassOfThisProject() throws IOException {
        for (String list : matches(Files.readString(README), "-Dtest='([^']+)'")) {
            for (String pattern : list.split(",")) {
                if (pattern.endsWith(".*Test")) {
                    Path dir = Path.of("src/test/java", pattern.substring(0, pattern.length() - ".*Test".length())
                            .replace('.', '/'));
                    try (var files = Files.list(dir)) {
                        assertThat(files.filter(f -> f.toString().endsWith("Test.java"))).as(pattern).isNotEmpty();
                    }
                } else {
                    assertThat(Path.of("src/test/java", pattern.replace('.', '/') + ".java")).as(pattern).isRegularFile();
                }
            }
        }
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
