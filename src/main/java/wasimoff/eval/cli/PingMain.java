package wasimoff.eval.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import wasimoff.eval.net.TcpPing;

/**
 * {@code harness.jar ping --from ADDRESS --to HOST:PORT --count N --interval-ms MS}: TCP round trips
 * from this node to an echo server, printed as {@code min;avg;max;mdev} in ms on the last line.
 */
final class PingMain {
    private PingMain() {
    }

    static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        String to = value(a, "--to");
        int colon = to.lastIndexOf(':');
        TcpPing.Stats s = TcpPing.measure(InetAddress.getByName(value(a, "--from")),
                new InetSocketAddress(to.substring(0, colon), Integer.parseInt(to.substring(colon + 1))),
                Integer.parseInt(value(a, "--count")), Duration.ofMillis(Long.parseLong(value(a, "--interval-ms"))));
        System.out.println(s.csv());
    }

    private static String value(List<String> args, String flag) {
        int i = args.indexOf(flag);
        if (i < 0 || i + 1 >= args.size()) {
            System.err.println("ping: " + flag + " is missing; usage: ping --from ADDRESS --to HOST:PORT --count N"
                    + " --interval-ms MS");
            System.exit(2);
        }
        return args.get(i + 1);
    }
}
