package wasimoff.eval.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import wasimoff.eval.net.TcpPing;

/**
 * {@code harness.jar ping --from ADDRESS --to HOST:PORT [--baseline HOST:PORT] --count N --interval-ms MS}:
 * TCP round trips from this node to an echo server, printed as {@code min;avg;max;mdev;median} in ms on
 * the last line. With {@code --baseline}, probes to that second path (the same echo server without the
 * emulated distance) alternate with the first, and its figures come on the line before, as
 * {@code baseline;min;avg;max;mdev;median}.
 */
final class PingMain {
    private PingMain() {
    }

    static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        List<InetSocketAddress> targets = new ArrayList<>(List.of(address(value(a, "--to"))));
        if (a.contains("--baseline")) {
            targets.add(address(value(a, "--baseline")));
        }
        List<TcpPing.Stats> s = TcpPing.measure(InetAddress.getByName(value(a, "--from")), targets,
                Integer.parseInt(value(a, "--count")), Duration.ofMillis(Long.parseLong(value(a, "--interval-ms"))));
        if (s.size() > 1) {
            System.out.println(TcpPing.BASELINE_PREFIX + s.get(1).line());
        }
        System.out.println(s.get(0).line());
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static String value(List<String> args, String flag) {
        int i = args.indexOf(flag);
        if (i < 0 || i + 1 >= args.size()) {
            System.err.println("ping: " + flag + " is missing; usage: ping --from ADDRESS --to HOST:PORT"
                    + " [--baseline HOST:PORT] --count N --interval-ms MS");
            System.exit(2);
        }
        return args.get(i + 1);
    }
}
