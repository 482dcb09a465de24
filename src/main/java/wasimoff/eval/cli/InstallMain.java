package wasimoff.eval.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wasimoff.eval.system.Systems;
import wasimoff.eval.install.Installer;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.install.InstallContext;
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
        String systems = System.getProperty("systems", "");
        List<String> ids = systems.isBlank() ? List.of("reference", "wasimoff", "serverledge")
                : Arrays.stream(systems.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String testbed = System.getProperty("testbed", "embedded");
        Map<String, List<Requirement>> subjects = new LinkedHashMap<>();
        subjects.put("testbed " + testbed, Testbeds.requirements(testbed));
        for (String id : ids) {
            if (Systems.unavailable(id, "").filter(r -> r.startsWith("unknown")).isPresent()) {
                System.err.println("install: unknown system '" + id + "'; valid: reference, wasimoff, serverledge");
                System.exit(2);
            }
            subjects.put(id, Systems.requirements(id, testbed));
        }
        String workload;
        try {
            workload = Workloads.kind(System.getProperty("workload"), InstallContext.ofThisJvm(line -> { }));
        } catch (IllegalArgumentException e) {
            System.err.println("install: " + e.getMessage());
            System.exit(2);
            return;
        }
        subjects.put("workload " + workload, Workloads.requirements(workload, InstallContext.ofThisJvm(line -> { })));
        Installer installer;
        try {
            installer = Installer.ofThisJvm(System.getProperty(Installer.INSTALL), System.out::println);
        } catch (IllegalArgumentException e) {
            System.err.println("install: " + e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, Installer.Unmet> unmet = installer.ensure(subjects);
        unmet.values().forEach(u -> System.err.println("install: " + u.subject() + " cannot run: " + u.describe()));
        System.exit(unmet.isEmpty() ? 0 : 1);
    }
}
