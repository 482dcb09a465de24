package wasimoff.eval.system;

import java.util.Optional;
import wasimoff.eval.system.reference.ReferenceSystem;
import wasimoff.eval.system.serverledge.ServerledgeSystem;
import wasimoff.eval.system.wasimoff.WasimoffSystem;

/** Creates the systems a scenario names, or says why one cannot run on a testbed. */
public final class Systems {
    private Systems() {
    }

    /** Why {@code id} cannot run on {@code testbed} (empty: on any testbed), or empty when it can. */
    public static Optional<String> unavailable(String id, String testbed) {
        return switch (id) {
            case "reference" -> Optional.empty();
            case "wasimoff" -> WasimoffSystem.unavailable(InstalledBinaries.fromEnvironment());
            case "serverledge" -> ServerledgeSystem.unavailable(InstalledBinaries.fromEnvironment(), testbed);
            default -> Optional.of("unknown system '" + id + "'");
        };
    }

    /**
     * A new, undeployed system. {@code serverledgeCpu} is the CPU demand of Serverledge's function
     * (the scenario's {@code serverledge-cpu}, overridden by {@code -Dserverledge.cpu}); {@code engine}
     * is the WebAssembly engine of our providers ({@code chicory} or {@code wasmtime}).
     */
    public static SystemUnderTest create(String id, double serverledgeCpu, String engine) {
        unavailable(id, "").ifPresent(reason -> {
            throw new IllegalArgumentException(id + ": " + reason);
        });
        return switch (id) {
            case "wasimoff" -> new WasimoffSystem(InstalledBinaries.fromEnvironment(), engine);
            case "serverledge" -> new ServerledgeSystem(InstalledBinaries.fromEnvironment(),
                    Double.parseDouble(System.getProperty("serverledge.cpu", Double.toString(serverledgeCpu))));
            default -> new ReferenceSystem(engine);
        };
    }
}
