package wasimoff.eval.junit;

import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import wasimoff.eval.settings.Setting;
import wasimoff.eval.settings.Settings;

/**
 * The extension behind {@link EvaluationScenario}: opens a {@link ScenarioSession} before the class,
 * keeps it in the class's store (which closes it after the class, whatever happened) and resolves it
 * as a test method parameter.
 */
public final class ScenarioExtension implements BeforeAllCallback, ParameterResolver {
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
     * Every declared setting ({@link Settings#ALL}) given as a JUnit configuration parameter; JUnit
     * falls back to system properties, so {@code -Drun-time=30s} works on the Maven command line and
     * in an IDE.
     */
    private static Properties settings(ExtensionContext context) {
        Properties p = new Properties();
        for (Setting<?> setting : Settings.ALL) {
            context.getConfigurationParameter(setting.key()).ifPresent(v -> p.setProperty(setting.key(), v));
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
