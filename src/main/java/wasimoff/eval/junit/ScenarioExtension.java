package wasimoff.eval.junit;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Installer;
import wasimoff.eval.install.WasimoffSource;

/**
 * The extension behind {@link EvaluationScenario}: opens a {@link ScenarioSession} before the class,
 * keeps it in the class's store (which closes it after the class, whatever happened) and resolves it
 * as a test method parameter.
 */
public final class ScenarioExtension implements BeforeAllCallback, ParameterResolver {
    /** The keys of {@link wasimoff.eval.scenario.RunSettings} and where results go. */
    static final List<String> SETTINGS = List.of("testbed", "run-time", "users", "spawn-rate", "systems", "tsp-n",
            "fleets", "placements", "engine", "wan", "results.dir", ThroughputBounds.MIN_RPS, ThroughputBounds.MAX_FAILURE_RATIO,
            Installer.INSTALL, InstalledBinaries.CACHE_DIR, WasimoffSource.SRC, WasimoffSource.GIT_URL);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScenarioExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String id = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), EvaluationScenario.class)
                .map(EvaluationScenario::value)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        context.getRequiredTestClass().getName() + " needs @EvaluationScenario"));
        context.getStore(NAMESPACE).getOrComputeIfAbsent(ScenarioSession.class,
                k -> ScenarioSession.open(id, settings(context)), ScenarioSession.class);
    }

    /**
     * The run settings given as JUnit configuration parameters; JUnit falls back to system
     * properties, so {@code -Drun-time=30s} works on the Maven command line and in an IDE.
     */
    private static Properties settings(ExtensionContext context) {
        Properties p = new Properties();
        for (String key : SETTINGS) {
            context.getConfigurationParameter(key).ifPresent(v -> p.setProperty(key, v));
        }
        return p;
    }

    static ScenarioSession session(ExtensionContext context) {
        ScenarioSession session = context.getStore(NAMESPACE).get(ScenarioSession.class, ScenarioSession.class);
        if (session == null) {
            throw new ExtensionConfigurationException("no scenario session: is the class annotated with @EvaluationScenario?");
        }
        return session;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ScenarioSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return session(context);
    }
}
