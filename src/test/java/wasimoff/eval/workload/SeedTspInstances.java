package wasimoff.eval.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Fixed TSP instances for the seed's program: CSV files ({@code x,y,name} per line) that its
 * {@code write N} printed once (a random selection of WG59 cities), for its {@code read} mode.
 */
public final class SeedTspInstances {
    private SeedTspInstances() {
    }

    /** The committed instance of {@code n} cities (5, 8 or 10). */
    public static byte[] instance(int n) {
        String resource = "/wasimoff/eval/workload/seed-instances/wg59-" + n + ".csv";
        try (InputStream in = SeedTspInstances.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no instance " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
