package wasimoff.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.scenario.Fleet;
import wasimoff.eval.scenario.LoadProfile;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.Placement;
import wasimoff.eval.scenario.ProviderGroup;
import wasimoff.eval.scenario.ScenarioPoint;
import wasimoff.eval.scenario.ServerType;

class ResultsTreeTest {
    private static final Location NBG = new Location("nbg1", "Nuremberg", "DE", "eu-central");
    private static final ScenarioPoint POINT = new ScenarioPoint("optimal", "reference",
            new Placement("optimal", NBG, NBG, List.of(NBG)),
            new Fleet(List.of(new ProviderGroup(2, new ServerType("ccx13", 2, 8, true)))), 8,
            new LoadProfile(4, 4, Duration.ofSeconds(1)));

    @TempDir
    Path root;

    @Test
    void afterTwoRunsOfOnePointLatestLeadsToTheSecondRunsFiles() throws Exception {
        ResultsTree tree = new ResultsTree(root);
        Path first = writeRun(tree, "first");
        tree.markLatest(first);
        Path second = writeRun(tree, "second");
        Path link = tree.markLatest(second);

        assertThat(link).isEqualTo(root.resolve("nbg1-nbg1-nbg1/02x02c/tsp-8/reference/latest"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(second.getFileName());
        assertThat(Files.readString(link.resolve("locust_stats.csv"))).isEqualTo("second");
        assertThat(Files.list(link.getParent()).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder(first.getFileName().toString(), second.getFileName().toString(), "latest");
    }

    @Test
    void anOlderRunMarkedLateDoesNotTakeLatestFromANewerOne() throws Exception {
        ResultsTree tree = new ResultsTree(root);
        Path older = writeRun(tree, "older");
        Path newer = writeRun(tree, "newer");
        tree.markLatest(newer);
        tree.markLatest(older);
        assertThat(Files.readSymbolicLink(newer.resolveSibling("latest"))).isEqualTo(newer.getFileName());
    }

    @Test
    void runsOfOneSecondAreOrderedByTheirNumericSuffix() {
        assertThat(List.of("2025-01-01T000000Z-10", "2025-01-01T000001Z", "2025-01-01T000000Z-9",
                "2025-01-01T000000Z").stream().sorted(ResultsTree.RUN_ORDER).toList())
                .containsExactly("2025-01-01T000000Z", "2025-01-01T000000Z-9", "2025-01-01T000000Z-10",
                        "2025-01-01T000001Z");
    }

    @Test
    void concurrentReplacementAlwaysLeavesAValidLinkToTheNewestRun() throws Exception {
        ResultsTree tree = new ResultsTree(root);
        List<Path> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(writeRun(tree, "run " + i));
        }
        tree.markLatest(runs.get(0));
        Path link = runs.get(0).resolveSibling("latest");
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<?> reader = pool.submit(() -> {
                while (!done.get()) {
                    // a window between deleting the old link and creating the new one would fail here
                    assertThat(Files.readString(link.resolve("locust_stats.csv"))).startsWith("run ");
                    reads.incrementAndGet();
                }
                return null;
            });
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int offset = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        tree.markLatest(runs.get((i + offset) % runs.size()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads.get()).isPositive();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(runs.get(runs.size() - 1).getFileName());
        assertThat(Files.list(link.getParent()).filter(p -> p.getFileName().toString().startsWith(".")))
                .as("temporary links left behind").isEmpty();
    }

    private static Path writeRun(ResultsTree tree, String content) throws Exception {
        Path dir = tree.newRunDirectory(POINT);
        Files.writeString(dir.resolve("locust_stats.csv"), content);
        return dir;
    }
}
