package wasimoff.eval.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation's own TSP program, Wasimoff's {@code wasi-apps/travelling_salesman} (Rust) at the
 * pinned commit, built into the cache from the tree {@link WasimoffSource} resolves: {@value #NATIVE}
 * ({@code cargo build --release}), {@value #STATIC} (glibc, {@code +crt-static}, a static-pie) and
 * {@value #WASM} ({@code wasm32-wasi}, then {@code wasm-opt -Oz} as the seed's Makefile does). The
 * tree is copied into the cache's {@code build/} first; it is never built in place.
 *
 * <p>The native builds use the tree's {@code Cargo.lock} unchanged ({@code --locked}) with the Rust
 * toolchain on the PATH. rustup cannot download a WebAssembly standard library here, so the module
 * is built with Debian's rustc 1.63 and its {@code libstd-rust-dev-wasm32}; see {@link SeedTspWasmBuild}
 * for the lock changes that needs, which {@code versions.properties} records.
 */
public final class SeedTsp implements Requirement {
    public static final String NATIVE = "tsp-seed-native";
    public static final String STATIC = "tsp-seed-static";
    public static final String WASM = "tsp-seed.wasm";
    /** versions.properties keys; the sha256 keys are {@code tsp-seed.<file>.sha256}. */
    public static final String COMMIT_KEY = "tsp-seed.commit";
    public static final String SOURCE_KEY = "tsp-seed.source";
    public static final String WASM_DEVIATIONS_KEY = "tsp-seed.wasm.deviations";
    public static final String WASM_TOOLCHAIN_KEY = "tsp-seed.wasm.toolchain";
    public static final String NATIVE_TOOLCHAIN_KEY = "tsp-seed.native.toolchain";
    static final String APP = "wasi-apps/travelling_salesman";

    /** Debian's Rust for wasm32-wasi and binaryen's wasm-opt; the native builds use the PATH's cargo. */
    public static final List<DebianTool> DEBIAN = List.of(
            new DebianTool("/usr/bin/rustc", "rustc", null),
            new DebianTool("/usr/bin/cargo", "cargo", null),
            new DebianTool("/usr/lib/rustlib/wasm32-wasi/lib", "libstd-rust-dev-wasm32", null),
            new DebianTool("wasm-opt", "binaryen", null));

    /** Everything the {@link Installer} needs to bring for this program: the Debian tools, then the build. */
    public static List<Requirement> requirements() {
        List<Requirement> all = new java.util.ArrayList<>(DEBIAN);
        all.add(new SeedTsp());
        return all;
    }

    /** The versions.properties key of a built file's SHA-256. */
    public static String shaKey(String file) {
        return switch (file) {
            case NATIVE -> "tsp-seed.native.sha256";
            case STATIC -> "tsp-seed.static.sha256";
            case WASM -> "tsp-seed.wasm.sha256";
            default -> throw new IllegalArgumentException("not a tsp-seed file: " + file);
        };
    }

    @Override
    public String name() {
        return "tsp-seed (Wasimoff's " + APP + " at " + Pins.shortCommit(Pins.WASIMOFF_COMMIT) + ")";
    }

    @Override
    public Optional<String> missing(InstallContext context) {
        InstalledBinaries cache = context.cache();
        Map<String, String> versions = cache.versions();
        if (!Pins.WASIMOFF_COMMIT.equals(versions.get(COMMIT_KEY))) {
            return Optional.of("the seed's TSP program is not built in " + cache.directory()
                    + (versions.containsKey(COMMIT_KEY) ? " at the pinned commit" : ""));
        }
        for (String file : List.of(NATIVE, STATIC, WASM)) {
            Path p = cache.directory().resolve(file);
            if (!Files.isRegularFile(p) || !sha256(p).equals(versions.get(shaKey(file)))) {
                return Optional.of(p + " is missing or not the file the installer recorded");
            }
        }
        return Optional.empty();
    }

    @Override
    public void install(InstallContext context) throws InstallException {
        WasimoffSource source;
        try {
            source = WasimoffSource.forBuild(context);
        } catch (WasimoffSource.Refused e) {
            throw new InstallException(e.getMessage());
        }
        Path app = source.tree().resolve(APP);
        if (!Files.isRegularFile(app.resolve("Cargo.lock"))) {
            throw new InstallException(source.tree() + " has no " + APP + "/Cargo.lock");
        }
        try {
            Path work = Files.createDirectories(context.cache().root().resolve("build"));
            Map<String, String> record = new LinkedHashMap<>();
            Map<String, Path> built = new LinkedHashMap<>();
            Path nativeCopy = copy(app, work, "tsp-seed-native");
            try {
                context.say("building the seed's TSP program natively from " + source.origin() + " (" + app + ")");
                SeedTspNativeBuild nativeBuild = new SeedTspNativeBuild(nativeCopy, context);
                built.put(NATIVE, nativeBuild.dynamic());
                built.put(STATIC, nativeBuild.staticPie());
                record.put(NATIVE_TOOLCHAIN_KEY, nativeBuild.toolchain());
                Path wasmCopy = copy(app, work, "tsp-seed-wasm");
                try {
                    context.say("building tsp.wasm with Debian's rustc for wasm32-wasi (rustup has no wasm32 std here)");
                    SeedTspWasmBuild wasmBuild = new SeedTspWasmBuild(wasmCopy, context);
                    built.put(WASM, wasmBuild.build());
                    record.put(WASM_TOOLCHAIN_KEY, wasmBuild.toolchain());
                    record.put(WASM_DEVIATIONS_KEY, String.join("; ", wasmBuild.deviations()));
                    install(context, built, record);
                } finally {
                    FileTrees.deleteTree(wasmCopy);
                }
            } finally {
                FileTrees.deleteTree(nativeCopy);
            }
            record.put(COMMIT_KEY, Pins.WASIMOFF_COMMIT);
            record.put(SOURCE_KEY, source.origin());
            context.cache().record(record);
            context.say("tsp-seed built: " + built.keySet() + "; wasm deviations: " + record.get(WASM_DEVIATIONS_KEY));
        } catch (IOException e) {
            throw new InstallException("building the seed's TSP program failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted while building the seed's TSP program", e);
        }
    }

    private static void install(InstallContext context, Map<String, Path> built, Map<String, String> record)
            throws IOException {
        Files.createDirectories(context.cache().directory());
        for (var e : built.entrySet()) {
            Path target = context.cache().directory().resolve(e.getKey());
            Path tmp = Files.createTempFile(context.cache().directory(), e.getKey(), ".new");
            Files.copy(e.getValue(), tmp, StandardCopyOption.REPLACE_EXISTING);
            if (!e.getKey().endsWith(".wasm")) {
                tmp.toFile().setExecutable(true, false);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            record.put(shaKey(e.getKey()), sha256(target));
        }
    }

    private static Path copy(Path app, Path work, String prefix) throws IOException {
        Path copy = Files.createTempDirectory(work, prefix);
        FileTrees.copyTree(app, copy);
        return copy;
    }

    @Override
    public String manualCommand() {
        return "mvn -Pinstall -Dworkload=seed-tsp (needs Wasimoff's source at " + Pins.shortCommit(Pins.WASIMOFF_COMMIT)
                + ", a Rust toolchain (cargo) and " + DebianPackages.command(
                DEBIAN.stream().map(DebianTool::debPackage).toList()) + ")";
    }

    /** The SHA-256 of a file, in hex. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
