package wasimoff.eval.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's {@code tsp.wasm}, built in a copy of its directory the only way this machine allows:
 * rustup cannot download a WebAssembly standard library here, Debian 12 ships one only for its rustc
 * 1.63 ({@code libstd-rust-dev-wasm32}, target {@code wasm32-wasi}, the name of {@code wasm32-wasip1}
 * before Rust 1.78). That needs three changes, each recorded:
 * <ol>
 *   <li>{@code time} 0.3.41 (which needs Rust 1.67.1) becomes 0.3.20, the newest 0.3 release for
 *       Rust 1.63: the manifest's {@code time = "0.3.41"} in the copy, then
 *       {@code cargo update -p time --precise 0.3.20}, which also drops {@code deranged},
 *       {@code num-conv} and {@code powerfmt}. The program uses {@code time::Duration} only in its
 *       {@code anneal} and {@code hill} modes, not in {@code rand}, {@code write} or {@code read}.</li>
 *   <li>Debian's cargo 1.65 reads lock format 3, not 4; for a lock with only registry packages the
 *       two say the same.</li>
 *   <li>Debian's cargo 1.65 cannot read crates.io's sparse index, so the toolchain's cargo vendors
 *       the locked crates first and Debian's builds offline from them.</li>
 * </ol>
 * Then {@code wasm-opt -Oz -c}, as the seed's Makefile does.
 */
final class SeedTspWasmBuild {
    static final String TIME_LOCKED = "0.3.41";
    static final String TIME_FOR_RUST_1_63 = "0.3.20";
    static final String TARGET = "wasm32-wasi";
    private static final Pattern TIME_LINE = Pattern.compile("(?m)^time = \"" + Pattern.quote(TIME_LOCKED) + "\"$");
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final Path dir;
    private final InstallContext context;
    private final Path cargo;
    private final List<String> deviations = new ArrayList<>();

    SeedTspWasmBuild(Path dir, InstallContext context) throws InstallException {
        this.dir = dir;
        this.context = context;
        this.cargo = SeedTspNativeBuild.cargo().orElseThrow(() -> new InstallException(
                "no Rust toolchain to vendor the crates with: 'cargo' is neither on the PATH nor in ~/.cargo/bin"));
    }

    /** Builds and optimises the module; returns its path in the copy. */
    Path build() throws IOException, InterruptedException, InstallException {
        Path manifest = dir.resolve("Cargo.toml");
        String toml = Files.readString(manifest);
        Matcher m = TIME_LINE.matcher(toml);
        if (!m.find()) {
            throw new InstallException(manifest + " has no line 'time = \"" + TIME_LOCKED + "\"'; this build knows"
                    + " only the pinned commit's manifest");
        }
        Files.writeString(manifest, m.replaceFirst("time = \"" + TIME_FOR_RUST_1_63 + "\""));
        deviations.add("Cargo.toml time \"" + TIME_LOCKED + "\" -> \"" + TIME_FOR_RUST_1_63 + "\"");
        CargoLock original = CargoLock.parse(Files.readString(dir.resolve("Cargo.lock")));
        run(cargo("update", "-p", "time", "--precise", TIME_FOR_RUST_1_63));
        run(cargo("vendor", "--locked", "vendor"));
        Files.createDirectories(dir.resolve(".cargo"));
        Files.writeString(dir.resolve(".cargo/config.toml"), String.join("\n", "[source.crates-io]",
                "replace-with = \"vendored-sources\"", "", "[source.vendored-sources]", "directory = \"vendor\"", ""));
        Path lock = dir.resolve("Cargo.lock");
        Files.writeString(lock, Files.readString(lock).replaceFirst("(?m)^version = 4$", "version = 3"));
        deviations.addAll(original.differencesTo(CargoLock.parse(Files.readString(lock))).stream()
                .map(d -> "Cargo.lock " + d).toList());
        deviations.add("crates vendored, built offline by Debian cargo");
        run(BuildCommand.of("/usr/bin/cargo", "build", "--offline", "--locked", "--release", "--target", TARGET)
                .in(dir).env("RUSTC", "/usr/bin/rustc")
                .env("RUSTFLAGS", SeedTspNativeBuild.remapBuildDirectory(dir)).env("PATH", "/usr/bin:/bin")
                .env("CARGO_HOME", dir.resolve(".cargo-home").toString()).timeout(TIMEOUT));
        Path optimised = dir.resolve("tsp.opt.wasm");
        run(BuildCommand.of("wasm-opt", "-Oz", "-c", dir.resolve("target/" + TARGET + "/release/tsp.wasm").toString(),
                "-o", optimised.toString()).in(dir));
        return optimised;
    }

    /** What in the build differs from the tree's manifest and lock, for versions.properties. */
    List<String> deviations() {
        return List.copyOf(deviations);
    }

    /** Debian's rustc and cargo (with package versions) and wasm-opt. */
    String toolchain() {
        String rustc = BuildCommand.of("/usr/bin/rustc", "--version").output();
        String debian = BuildCommand.of("dpkg-query", "-W", "-f=${Version}", "rustc").output();
        String cargoVersion = BuildCommand.of("/usr/bin/cargo", "--version").output();
        String opt = BuildCommand.of("wasm-opt", "--version").output();
        return strip(rustc) + " (Debian " + strip(debian) + "), " + strip(cargoVersion) + ", target " + TARGET
                + ", " + strip(opt) + " -Oz";
    }

    private static String strip(String s) {
        return s == null ? "?" : s.strip();
    }

    private BuildCommand cargo(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = cargo.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return BuildCommand.of(all).in(dir).timeout(TIMEOUT);
    }

    private void run(BuildCommand step) throws IOException, InterruptedException, InstallException {
        step.runToInstall(context, "in " + dir);
    }
}
