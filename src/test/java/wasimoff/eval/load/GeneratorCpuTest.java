package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratorCpuTest {
    @Test
    void oneThreadBusyAlmostAllTheTimeIsSaturationEvenOnABigMachine() {
        assertThat(new GeneratorCpu.Usage(0.95, 0.93, 2).warning(16)).contains("busy 93%");
    }

    @Test
    void mostOfTheMachinesCoresIsSaturation() {
        assertThat(new GeneratorCpu.Usage(1.7, 0.6, 3).warning(2)).contains("1.70 of 2 cores");
    }

    @Test
    void aLightlyLoadedGeneratorHasNoWarning() {
        assertThat(new GeneratorCpu.Usage(0.3, 0.3, 2).warning(2)).isNull();
    }

    @Test
    void measuresOnlyTheThreadsItIsGiven() throws Exception {
        Thread spinner = new Thread(() -> {
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        });
        Thread idle = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        spinner.start();
        idle.start();
        GeneratorCpu onlyIdle = new GeneratorCpu(java.util.List.of(idle.getId()));
        Thread.sleep(350);
        GeneratorCpu.Usage u = onlyIdle.measure();
        spinner.join();
        idle.join();
        assertThat(u.threads()).isEqualTo(1);
        assertThat(u.cores()).isLessThan(0.2);
    }
}
