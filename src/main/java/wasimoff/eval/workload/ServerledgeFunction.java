package wasimoff.eval.workload;

import java.nio.file.Path;
import java.util.Map;

/**
 * What Serverledge's custom-runtime image holds for a workload: the files copied to the image's root
 * (name in the image -> file here) and the {@code CUSTOM_CMD} its executor runs, split at spaces,
 * with the parameters in {@code $PARAMS_FILE} and the result expected in {@code $RESULT_FILE}.
 */
public record ServerledgeFunction(Map<String, Path> files, String customCommand) {
    public ServerledgeFunction {
        files = Map.copyOf(new java.util.TreeMap<>(files));
    }
}
