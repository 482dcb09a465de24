package wasimoff.eval.install;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A program from a Debian package (etcd from {@code etcd-server}, dockerd from {@code docker.io},
 * ...). It counts as present when the program is on the PATH or at its Debian path, however it got
 * there; the {@link Installer} installs missing packages together with one {@code apt-get} where it
 * may (Debian, root), and names the command otherwise.
 *
 * @param program    the executable's name, or an absolute path for files outside the PATH
 * @param debPackage the Debian package that ships it
 * @param cacheLink  when set, the program is linked into the cache's {@code bin/} under this name
 *                   and its {@code --version} recorded (etcd, which nodes receive as a file)
 */
public record DebianTool(String program, String debPackage, String cacheLink) implements Requirement {
    public static final DebianTool ETCD = new DebianTool("etcd", "etcd-server", "etcd");
    public static final DebianTool DOCKER = new DebianTool("dockerd", "docker.io", null);
    public static final DebianTool MUSL_GCC = new DebianTool("musl-gcc", "musl-tools", null);
    public static final DebianTool IPROUTE2 = new DebianTool("ip", "iproute2", null);
    public static final DebianTool BUSYBOX_STATIC = new DebianTool("/bin/busybox", "busybox-static", null);
    /** Headless Chromium, which runs Wasimoff's web provider on provider nodes. */
    public static final DebianTool CHROMIUM = new DebianTool("chromium", "chromium", null);
    /** npm (and Node), which fetch the web provider's yarn and build it with Vite. */
    public static final DebianTool NPM = new DebianTool("npm", "npm", null);

    @Override
    public String name() {
        return program.substring(program.lastIndexOf('/') + 1) + " (Debian " + debPackage + ")";
    }

    /** Where the program is, if anywhere. */
    public Optional<Path> path() {
        if (program.startsWith("/")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String pathVar = System.getenv().getOrDefault("PATH", "");
        for (String dir : (pathVar + ":/usr/local/sbin:/usr/sbin:/sbin:/usr/bin:/bin").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, program);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> missing(InstallContext context) {
        Optional<Path> path = path();
        if (path.isEmpty()) {
            return Optional.of(program + " is not installed (Debian package " + debPackage + ")");
        }
        if (cacheLink != null && context.cache().find(cacheLink).isEmpty()) {
            return Optional.of(program + " is not linked into " + context.cache().directory());
        }
        return Optional.empty();
    }

    /** Links the program into the cache where asked; the package itself is the {@link Installer}'s to install. */
    @Override
    public void install(InstallContext context) throws InstallException {
        Path path = path().orElseThrow(() -> new InstallException(program + " is still missing after installing "
                + debPackage));
        if (cacheLink == null) {
            return;
        }
        try {
            Path link = Files.createDirectories(context.cache().directory()).resolve(cacheLink);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, path.toRealPath());
            String version = BuildCommand.of(path.toString(), "--version").output();
            String first = version == null ? "?" : version.lines().findFirst().orElse("?")
                    .replaceFirst("^(?i)" + cacheLink + " Version:\\s*", "");
            context.cache().record(Map.of(cacheLink + ".version", first, cacheLink + ".source", "Debian " + debPackage));
        } catch (IOException e) {
            throw new InstallException("linking " + path + " into " + context.cache().directory() + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String manualCommand() {
        return DebianPackages.command(java.util.List.of(debPackage));
    }
}
