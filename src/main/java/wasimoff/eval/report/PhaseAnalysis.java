package wasimoff.eval.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a live-scaling run: for every phase of the provider schedule, the throughput plateau (mean
 * requests per second over the second half of the phase) and how long after the change a three-second
 * moving average first came within 10% of that plateau.
 */
public final class PhaseAnalysis {
    private PhaseAnalysis() {
    }

    /** One phase's outcome; {@code settleSeconds} is -1 when the plateau was never reached. */
    public record Phase(int providers, int startSecond, int endSecond, double plateau, int settleSeconds) {
    }

    /**
     * @param perSecond requests completed in each second of the run, from its start
     * @param starts    the second each phase starts at; {@code providers} its provider count
     */
    public static List<Phase> analyse(List<Double> perSecond, List<Integer> starts, List<Integer> providers) {
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) : perSecond.size();
            to = Math.min(to, perSecond.size());
            int half = from + (to - from) / 2;
            double plateau = perSecond.subList(Math.min(half, to), to).stream().mapToDouble(Double::doubleValue)
                    .average().orElse(0);
            int settle = -1;
            for (int s = from; s + 2 < to; s++) {
                double avg = (perSecond.get(s) + perSecond.get(s + 1) + perSecond.get(s + 2)) / 3;
                if (Math.abs(avg - plateau) <= 0.1 * plateau) {
                    settle = s - from;
                    break;
                }
            }
            phases.add(new Phase(providers.get(i), from, to, plateau, settle));
        }
        return phases;
    }
}
