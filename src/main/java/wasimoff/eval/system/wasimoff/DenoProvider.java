package wasimoff.eval.system.wasimoff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import wasimoff.eval.install.DenoProviderBuild;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.ServiceDefinition;

/**
 * Wasimoff's Deno provider ({@code denoprovider/main.ts}) on a provider node: the installer's
 * {@link DenoProviderBuild} made available on the node (in place on this machine, copied once to
 * containers and servers), run with one worker per vCPU against the broker, fetching nothing at
 * run time ({@code --cached-only}). Unlike the web provider it reconnects by itself when its
 * connection to the broker ends.
 */
final class DenoProvider {
    static final String SERVICE = "wasimoff-denoprovider";

    private DenoProvider() {
    }

    /** The provider on {@code node} for the broker at {@code brokerUrl}, from the build in {@code built}. */
    static ServiceDefinition service(Node node, String brokerUrl, Path built) {
        String dir = node.putDirectory(built);
        // the provider keeps its id in localStorage, which Deno keys by this origin: one per node,
        // so that providers never share an id, as browsers with profiles of their own do not
        String location = "http://" + node.name() + ".provider.invalid/";
        List<String> command = new ArrayList<>(List.of(dir + "/" + DenoProviderBuild.DENO));
        command.addAll(DenoProviderBuild.runArguments(dir, location, BrowserProvider.workers(node), brokerUrl));
        return new ServiceDefinition.ProcessService(SERVICE, command,
                Map.of("DENO_DIR", dir + "/" + DenoProviderBuild.DENO_DIR, "DENO_NO_UPDATE_CHECK", "1"));
    }
}
