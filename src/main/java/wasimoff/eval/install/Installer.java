package wasimoff.eval.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings what the chosen systems and testbed need onto this machine before a scenario's first
 * point: it checks every {@link Requirement} (seconds when all are there), installs the missing
 * Debian packages with one apt-get where it may (root on Debian), builds the missing pinned
 * binaries into the cache, and reports, per system or testbed, what is still missing with the
 * reason and the command that would install it. {@code -Dinstall=off} checks only.
 */
public final class Installer {
    /** The setting that turns installing on (default) or off. */
    public static final String INSTALL = wasimoff.eval.settings.Settings.INSTALL.key();

    private final InstallContext context;
    private final boolean installing;
    private final Set<String> attemptedPackages = new LinkedHashSet<>();

    public Installer(InstallContext context, boolean installing) {
        this.context = context;
        this.installing = installing;
    }

    /** An installer for this JVM; {@code -Dinstall=on|off} (strict: anything else is refused). */
    public static Installer ofThisJvm(String installSetting, java.util.function.Consumer<String> progress) {
        return new Installer(InstallContext.ofThisJvm(progress), parseInstall(installSetting));
    }

    /** {@code on} (also {@code true}) or {@code off} ({@code false}); null or blank means on. */
    public static boolean parseInstall(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("-D" + INSTALL + "=" + value + " is not valid; valid: on, off");
        };
    }

    /**
     * What a subject (a system or testbed) still lacks: the reasons, and the command that would
     * install it. {@code attemptFailed}: an installation was tried here and failed (a bug or a broken
     * source), as opposed to one this machine cannot try (no Go, not root, installing off).
     */
    public record Unmet(String subject, List<String> reasons, String command, boolean attemptFailed) {
        /** One line for the console, Allure and results. */
        public String describe() {
            return String.join("; ", reasons) + ". To install: " + command;
        }
    }

    /**
     * Ensures every subject's requirements (subjects in order, e.g. {@code wasimoff}, {@code testbed
     * docker}) and returns the subjects that still cannot run. A requirement shared by two subjects
     * is installed once.
     */
    public Map<String, Unmet> ensure(Map<String, List<Requirement>> subjects) {
        long t0 = System.nanoTime();
        Map<String, Unmet> unmet = new LinkedHashMap<>();
        List<String> installed = new ArrayList<>();
        for (var entry : subjects.entrySet()) {
            List<String> reasons = new ArrayList<>();
            List<String> commands = new ArrayList<>();
            List<DebianTool> debian = new ArrayList<>();
            boolean failed = false;
            for (Requirement r : entry.getValue()) {
                if (r instanceof DebianTool t && t.missing(context).isPresent()) {
                    debian.add(t);
                }
            }
            installDebian(debian, reasons, commands);
            for (Requirement r : entry.getValue()) {
                Optional<String> missing = r.missing(context);
                if (missing.isEmpty()) {
                    continue;
                }
                if (r instanceof DebianTool t && t.path().isEmpty()) {
                    continue; // reported by installDebian
                }
                if (!installing) {
                    reasons.add(missing.get() + " (installing is off: -D" + INSTALL + "=off)");
                    commands.add(r.manualCommand());
                    continue;
                }
                context.progress().accept("== install: " + r.name() + " for " + entry.getKey() + ": " + missing.get());
                long t1 = System.nanoTime();
                try {
                    r.install(context);
                    installed.add(r.name() + String.format(Locale.ROOT, " (%.0f s)", (System.nanoTime() - t1) / 1e9));
                } catch (InstallException e) {
                    context.progress().accept("== install: " + r.name() + " FAILED: " + e.getMessage());
                    reasons.add(r.name() + " could not be installed: " + e.getMessage());
                    failed |= !(r instanceof DebianTool) && GoToolchain.unusable().isEmpty();
                    commands.add(r.manualCommand());
                }
            }
            if (!reasons.isEmpty()) {
                unmet.put(entry.getKey(), new Unmet(entry.getKey(), reasons,
                        String.join(" && ", new LinkedHashSet<>(commands)), failed));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> outcome = new ArrayList<>();
        if (!installed.isEmpty()) {
            outcome.add("installed " + String.join(", ", installed));
        }
        if (!unmet.isEmpty()) {
            outcome.add("still missing for " + String.join(", ", unmet.keySet()));
        }
        if (outcome.isEmpty()) {
            outcome.add("everything needed was in place");
        }
        context.progress().accept(String.format(Locale.ROOT, "== install: %s in %.1f s (cache %s)",
                String.join("; ", outcome), seconds, context.cache().root()));
        return unmet;
    }

    private void installDebian(List<DebianTool> tools, List<String> reasons, List<String> commands) {
        if (tools.isEmpty()) {
            return;
        }
        List<String> packages = tools.stream().map(DebianTool::debPackage).distinct().toList();
        String cannot = installing ? DebianPackages.cannotInstall() : "installing is off (-D" + INSTALL + "=off)";
        List<String> fresh = packages.stream().filter(p -> !attemptedPackages.contains(p)).toList();
        if (cannot == null && !fresh.isEmpty()) {
            attemptedPackages.addAll(fresh);
            context.progress().accept("== install: Debian packages " + String.join(" ", fresh));
            try {
                DebianPackages.install(fresh, context);
            } catch (InstallException e) {
                context.progress().accept("== install: apt-get FAILED: " + e.getMessage());
                cannot = e.getMessage();
            }
        }
        for (DebianTool t : tools) {
            if (t.path().isEmpty()) {
                reasons.add(t.program() + " is not installed (Debian package " + t.debPackage() + ")"
                        + (cannot == null ? "" : ": " + cannot));
                commands.add(DebianPackages.command(packages));
            }
        }
    }
}
