package wasimoff.eval.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import wasimoff.eval.install.InstallContext;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Installer;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.settings.Kinds;
import wasimoff.eval.settings.SettingValues;
import wasimoff.eval.settings.Settings;
import wasimoff.eval.system.Systems;
import wasimoff.eval.system.wasimoff.ProviderKind;
import wasimoff.eval.testbed.Testbeds;
import wasimoff.eval.workload.Workloads;

/**
 * Installs the real systems without running a scenario, for a machine prepared ahead of time or a
 * cache filled once: {@code mvn -Pinstall [-Dsystems=wasimoff,serverledge] [-Dtestbed=docker]
 * [-Dworkload=seed-tsp|own-tsp]} (the workload's programs too: the seed's TSP program by default where
 * Wasimoff's pinned source is available). The
 * main job does the same by itself before its first point. Exit status 1 when something is still
 * missing, with the reason and the command that would install it.
 */
public final class InstallMain {
    private InstallMain() {
    }

    public static void main(String[] args) {
        // the install profile passes every key on, empty when the user gave none
        Properties given = new Properties();
        System.getProperties().forEach((k, v) -> {
            if (!v.toString().isBlank()) {
                given.put(k, v);
            }
        });
        SettingValues values;
        try {
            values = SettingValues.parse(given);
        } catch (IllegalArgumentException e) {
            System.err.println("install: " + e.getMessage());
            System.exit(2);
            return;
        }
        String testbed = values.getOr(Settings.TESTBED, "embedded");
        ProviderKind provider = ProviderKind.parse(values.get(Settings.PROVIDER).orElse(null));
        Map<String, List<Requirement>> subjects = new LinkedHashMap<>();
        subjects.put("testbed " + testbed, Testbeds.requirements(testbed));
        for (String id : values.getOr(Settings.SYSTEMS, Kinds.SYSTEMS)) {
            subjects.put(id, Systems.requirements(id, testbed, provider));
        }
        InstallContext context = new InstallContext(values.get(Settings.CACHE_DIR).map(InstalledBinaries::new)
                .orElseGet(InstalledBinaries::fromEnvironment), values.asProperties(), System.getenv(),
                Path.of("").toAbsolutePath(), System.out::println);
        String workload = values.get(Settings.WORKLOAD).orElse(null);
        subjects.put("workload " + Workloads.kind(workload, context), Workloads.requirements(workload, context));
        Map<String, Installer.Unmet> unmet = new Installer(context, values.getOr(Settings.INSTALL, true)).ensure(subjects);
        unmet.values().forEach(u -> System.err.println("install: " + u.subject() + " cannot run: " + u.describe()));
        System.exit(unmet.isEmpty() ? 0 : 1);
    }
}
