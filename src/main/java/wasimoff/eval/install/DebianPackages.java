package wasimoff.eval.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Installing Debian packages with apt-get, which the harness does itself only as root on Debian. */
final class DebianPackages {
    private DebianPackages() {
    }

    /** The command that installs {@code packages}, as a user types it. */
    static String command(List<String> packages) {
        return "sudo apt-get install -y " + String.join(" ", packages);
    }

    /** Why this harness cannot run apt-get itself here, or null when it can. */
    static String cannotInstall() {
        if (!Files.isRegularFile(Path.of("/etc/debian_version")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return "this machine is not Debian (no /etc/debian_version and apt-get)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "installing Debian packages needs root (running as " + System.getProperty("user.name") + ")";
        }
        return null;
    }

    /** Installs {@code packages}; the package lists are refreshed only when apt-get cannot find one. */
    static void install(List<String> packages, InstallContext context) throws InstallException {
        try {
            List<String> args = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
            args.addAll(packages);
            context.say("apt-get install " + String.join(" ", packages));
            BuildCommand.Result r = apt(args).run(context.progress(), "     apt: ");
            if (!r.ok()) {
                context.say("apt-get update, then again");
                BuildCommand.Result update = apt(List.of("apt-get", "update", "-q")).run(context.progress(), "     apt: ");
                r = update.ok() ? apt(args).run(context.progress(), "     apt: ") : update;
            }
            if (!r.ok()) {
                throw new InstallException("apt-get install " + String.join(" ", packages) + " failed:\n" + r.tail());
            }
        } catch (java.io.IOException e) {
            throw new InstallException("apt-get failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted while installing Debian packages", e);
        }
    }

    private static BuildCommand apt(List<String> args) {
        return BuildCommand.of(args.toArray(String[]::new)).env("DEBIAN_FRONTEND", "noninteractive")
                .timeout(Duration.ofMinutes(15));
    }
}
