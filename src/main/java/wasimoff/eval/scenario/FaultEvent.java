package wasimoff.eval.scenario;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One event of the faults evaluation's timeline (file key {@code events}): at {@code at} since the
 * load run's start, {@link Kind#KILL_PROVIDER} kills active provider number {@code provider}
 * (1-based), {@link Kind#RESTART_BROKER} kills the broker and starts it again, {@link Kind#CUT}
 * partitions the broker's location from the providers' (through the WAN emulation's relays) and
 * {@link Kind#HEAL} ends that partition. {@code mode} says how a cut behaves: {@code blackhole}
 * (nothing is forwarded, connections stall as behind a dropped link) or {@code drop} (every
 * connection is reset, new ones refused); it is null for the other kinds.
 */
public record FaultEvent(Duration at, Kind kind, int provider, String mode) {
    /** The ways a cut can behave. */
    public static final List<String> CUT_MODES = List.of("blackhole", "drop");

    /** What happens at an event, with the word the scenario file uses for it. */
    public enum Kind {
        KILL_PROVIDER("kill-provider"),
        RESTART_BROKER("restart-broker"),
        CUT("cut"),
        HEAL("heal");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** The kind the file names {@code word}, or null. */
        public static Kind of(String word) {
            return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst().orElse(null);
        }

        /** Every word a file may use. */
        public static List<String> words() {
            return Arrays.stream(values()).map(Kind::word).toList();
        }
    }

    /** The event as one short phrase, e.g. {@code kill-provider 1} or {@code cut (blackhole)}. */
    public String label() {
        return switch (kind) {
            case KILL_PROVIDER -> kind.word() + " " + provider;
            case CUT -> kind.word() + " (" + mode + ")";
            default -> kind.word();
        };
    }
}
