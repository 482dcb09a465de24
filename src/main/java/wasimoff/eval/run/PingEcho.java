package wasimoff.eval.run;

import java.net.InetAddress;
import java.util.List;
import wasimoff.eval.net.TcpPing;
import wasimoff.eval.testbed.EmbeddableService;

/**
 * The ping test's echo server as a service a node runs ({@code --bind ADDRESS --port PORT}), in this
 * JVM on the embedded testbed and from {@code harness.jar} on containers and servers.
 */
public final class PingEcho implements EmbeddableService {
    @Override
    public AutoCloseable start(List<String> args) throws Exception {
        String bind = args.get(args.indexOf("--bind") + 1);
        int port = Integer.parseInt(args.get(args.indexOf("--port") + 1));
        return new TcpPing.Echo(InetAddress.getByName(bind), port);
    }
}
