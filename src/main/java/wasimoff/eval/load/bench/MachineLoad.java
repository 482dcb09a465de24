package wasimoff.eval.load.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was during one measurement, from {@code /proc/stat}: the CPU time processes
 * used on the machine (user, nice, system, and steal by the hypervisor), and the target's own (from
 * {@code /proc/<pid>/stat}), so that the CPU used by everything else (other work sharing the
 * machine) can be reported beside each figure.
 */
final class MachineLoad {
    /** Linux's USER_HZ on x86-64: the unit of {@code /proc} CPU times. */
    private static final double TICKS_PER_SECOND = 100;

    private final long targetPid;
    private final long machineBefore;
    private final long targetBefore;
    private final long startNanos = System.nanoTime();

    /** Starts measuring; {@code targetPid} is the target's process id, or 0 for a target in this JVM. */
    MachineLoad(long targetPid) throws IOException {
        this.targetPid = targetPid;
        this.machineBefore = machineTicks();
        this.targetBefore = targetTicks();
    }

    /**
     * CPU use since the start, in cores.
     *
     * @param machine every process on the machine
     * @param target  the target's process (0 when unknown)
     */
    record Usage(double machine, double target) {
        /** What neither the load generator ({@code toolCores}) nor the target used. */
        double others(double toolCores) {
            return Math.max(0, machine - target - toolCores);
        }
    }

    Usage measure() throws IOException {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new Usage((machineTicks() - machineBefore) / TICKS_PER_SECOND / seconds,
                (targetTicks() - targetBefore) / TICKS_PER_SECOND / seconds);
    }

    private static long machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal: processes' time and steal; irq and softirq are
        // left out since loopback networking runs there, charged to no process though the benchmark causes it
        return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[8]);
    }

    private long targetTicks() throws IOException {
        if (targetPid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + targetPid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state(3) ... utime(14) stime(15), counted from 1 with pid and comm
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
