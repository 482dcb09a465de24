package wasimoff.eval.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import wasimoff.eval.net.DelayRelay;
import wasimoff.eval.report.FaultAnalysis;
import wasimoff.eval.scenario.FaultEvent;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.Placement;
import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.testbed.Testbed;

/**
 * Enacts a faults scenario's events on a deployed system at their times: provider kills and broker
 * restarts through the system, cuts and heals between the broker's location and the providers'
 * through the testbed. An event the system or testbed cannot enact is recorded with the reason, not
 * faked; one that fails is recorded with its error. A partition still cut when the run ends is healed.
 */
final class FaultTimeline {
    private final SystemUnderTest system;
    private final Testbed testbed;
    private final Placement placement;
    private final List<FaultAnalysis.Event> happened = new ArrayList<>();
    private boolean cut;

    FaultTimeline(SystemUnderTest system, Testbed testbed, Placement placement) {
        this.system = system;
        this.testbed = testbed;
        this.placement = placement;
    }

    /**
     * Enacts {@code events} (times multiplied by {@code timeScale}) from {@code t0} (a
     * {@link System#nanoTime()}), stopping early once {@code over} is true; returns what happened,
     * in seconds since {@code t0}.
     */
    List<FaultAnalysis.Event> run(List<FaultEvent> events, double timeScale, long t0, BooleanSupplier over)
            throws InterruptedException {
        for (FaultEvent e : events) {
            long due = t0 + Math.round(e.at().toNanos() * timeScale);
            while (System.nanoTime() < due && !over.getAsBoolean()) {
                Thread.sleep(Math.max(1, Math.min(100, (due - System.nanoTime()) / 1_000_000)));
            }
            double at = (System.nanoTime() - t0) / 1e9;
            if (over.getAsBoolean()) {
                record(at, e.label(), false, "not reached: the load run had ended");
                continue;
            }
            System.out.printf(Locale.ROOT, "== faults: %s at second %.1f%n", e.label(), at);
            try {
                record(at, e.label(), true, enact(e));
            } catch (UnsupportedOperationException ex) {
                record(at, e.label(), false, "not enacted: " + ex.getMessage());
            } catch (RuntimeException ex) {
                record(at, e.label(), false, "failed: " + ex);
            }
        }
        return List.copyOf(happened);
    }

    /** Heals a partition the timeline left cut, so that the system can be inspected and stopped. */
    void healLeftovers() {
        if (cut) {
            providerLocations().forEach(l -> testbed.heal(placement.broker(), l));
            cut = false;
        }
    }

    private void record(double at, String label, boolean enacted, String detail) {
        System.out.println("   " + (enacted ? "" : "NOT ENACTED: ") + detail);
        happened.add(new FaultAnalysis.Event(at, label, enacted, detail));
    }

    private String enact(FaultEvent e) {
        return switch (e.kind()) {
            case KILL_PROVIDER -> system.killProvider(e.provider());
            case RESTART_BROKER -> system.restartBroker();
            case CUT -> cut(e.mode().equals("drop") ? DelayRelay.Cut.DROP : DelayRelay.Cut.BLACKHOLE);
            case HEAL -> heal();
        };
    }

    private String cut(DelayRelay.Cut how) {
        Set<Location> far = providerLocations();
        if (far.isEmpty()) {
            throw new UnsupportedOperationException("the providers sit in the broker's location "
                    + placement.broker().id() + ": no relay between them to cut");
        }
        if (!system.followsRoutes()) {
            throw new UnsupportedOperationException(system.id() + " does not pass the WAN emulation's relays (its"
                    + " processes wire their own network), so cutting the relays would partition nothing");
        }
        List<String> done = new ArrayList<>();
        for (Location l : far) {
            done.add(testbed.cut(placement.broker(), l, how));
        }
        cut = true;
        return String.join("; ", done);
    }

    private String heal() {
        if (!cut) {
            throw new UnsupportedOperationException("nothing was cut");
        }
        List<String> done = new ArrayList<>();
        providerLocations().forEach(l -> done.add(testbed.heal(placement.broker(), l)));
        cut = false;
        return String.join("; ", done);
    }

    private Set<Location> providerLocations() {
        Set<Location> far = new LinkedHashSet<>(placement.providers());
        far.remove(placement.broker());
        return far;
    }
}
