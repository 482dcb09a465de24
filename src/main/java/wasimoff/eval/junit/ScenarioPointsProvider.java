package wasimoff.eval.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/** Hands the points of the class's scenario session to a parameterized test. */
final class ScenarioPointsProvider implements ArgumentsProvider {
    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        return ScenarioExtension.session(context).points().stream().map(Arguments::of);
    }
}
