package wasimoff.eval.formats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import wasimoff.eval.load.SingleRequest;
import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.workload.ResponseChecks;

/**
 * The TSP program end to end through a deployed system, one request at a time, as the seed timed a
 * request through its broker: wall time from sending the request to reading the whole response.
 * User and system CPU are not observable for remote work and are reported as 0.
 */
public final class SystemRuntime implements TspRuntime {
    private final SystemUnderTest system;

    public SystemRuntime(SystemUnderTest system) {
        this.system = system;
    }

    @Override
    public String name() {
        return system.id();
    }

    @Override
    public List<RunTimes> measure(List<Integer> ns, int warmup, int runs) {
        List<RunTimes> all = new ArrayList<>();
        for (int n : ns) {
            var request = system.request(n);
            var check = ResponseChecks.named(system.responseCheck());
            List<Double> wall = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                SingleRequest.Outcome o = SingleRequest.send(request, check, Duration.ofMinutes(5));
                if (o.failure().isPresent()) {
                    throw new IllegalStateException(name() + " n=" + n + ": " + o.failure().get());
                }
                if (i >= warmup) {
                    wall.add(o.took().toNanos() / 1e9);
                }
            }
            List<Double> zeros = wall.stream().map(w -> 0.0).toList();
            all.add(RunTimes.of(name() + "(" + n + ")", n, wall, zeros, zeros));
        }
        return all;
    }
}
