package wasimoff.eval.install;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The seed's TSP program built natively in a copy of its directory, with the Rust toolchain on the
 * PATH (else {@code ~/.cargo/bin}) and the tree's {@code Cargo.lock} unchanged ({@code --locked}): a
 * dynamically linked {@code cargo build --release}, and a static-pie with
 * {@code RUSTFLAGS='-C target-feature=+crt-static'} for {@code x86_64-unknown-linux-gnu}, which a
 * {@code FROM scratch} image can run.
 */
final class SeedTspNativeBuild {
    static final String STATIC_TARGET = "x86_64-unknown-linux-gnu";
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final Path dir;
    private final InstallContext context;
    private final Path cargo;

    SeedTspNativeBuild(Path dir, InstallContext context) throws InstallException {
        this.dir = dir;
        this.context = context;
        this.cargo = cargo().orElseThrow(() -> new InstallException(
                "no Rust toolchain: 'cargo' is neither on the PATH nor in ~/.cargo/bin (install Rust with rustup)"));
    }

    /** The toolchain's cargo: on the PATH (Debian's /usr/bin/cargo is too old for the lock's format 4), else rustup's. */
    static Optional<Path> cargo() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, "cargo");
            if (Files.isExecutable(p) && !p.toString().equals("/usr/bin/cargo")) {
                return Optional.of(p);
            }
        }
        Path rustup = Path.of(System.getProperty("user.home"), ".cargo", "bin", "cargo");
        return Files.isExecutable(rustup) ? Optional.of(rustup) : Optional.empty();
    }

    /** {@code cargo build --locked --release}. */
    Path dynamic() throws IOException, InterruptedException, InstallException {
        run(command("build", "--locked", "--release").env("RUSTFLAGS", remapBuildDirectory(dir)));
        return dir.resolve("target/release/tsp");
    }

    /** The static-pie build. */
    Path staticPie() throws IOException, InterruptedException, InstallException {
        run(command("build", "--locked", "--release", "--target", STATIC_TARGET)
                .env("RUSTFLAGS", "-C target-feature=+crt-static " + remapBuildDirectory(dir)));
        return dir.resolve("target/" + STATIC_TARGET + "/release/tsp");
    }

    /**
     * Panic locations embed source paths; the copy's temporary name would make every build's bytes
     * (and so its SHA-256) different, so it is mapped to a fixed name.
     */
    static String remapBuildDirectory(Path dir) {
        return "--remap-path-prefix=" + dir + "=/build/travelling_salesman";
    }

    /** {@code rustc --version} and {@code cargo --version} of this toolchain. */
    String toolchain() {
        String rustc = BuildCommand.of(cargo.resolveSibling("rustc").toString(), "--version").output();
        String version = BuildCommand.of(cargo.toString(), "--version").output();
        return (rustc == null ? "rustc ?" : rustc.strip()) + ", " + (version == null ? "cargo ?" : version.strip());
    }

    private BuildCommand command(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = cargo.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        // rustup's cargo finds its rustc beside it; Debian's /usr/bin/rustc must not be picked up instead
        return BuildCommand.of(all).in(dir).env("PATH", cargo.getParent() + File.pathSeparator
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")).timeout(TIMEOUT);
    }

    private void run(BuildCommand step) throws IOException, InterruptedException, InstallException {
        step.runToInstall(context, "in " + dir);
    }
}
