package wasimoff.eval.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Wasimoff's Deno provider ({@code denoprovider/} with the web provider's {@code lib/}) at the pinned
 * commit, made runnable into the cache as {@code denoprovider-<first 12 hex of the source hash>/}:
 * <ul>
 * <li>{@code bin/deno}: Deno {@value #DENO_VERSION} from the npm registry (its {@code deno} package
 *     carries the release binary);</li>
 * <li>{@code src/}: a copy of {@code denoprovider/} and {@code webprovider/lib/} with our
 *     {@code deno.json} next to them: an import map with the versions of the tree's
 *     {@code denoprovider/deno.lock}, npm packages for what the tree takes from npm and JSR alike,
 *     and three small shims in {@code src/shims/} for what is on JSR only ({@code @cliffy/flags},
 *     {@code @std/path}) or needs a native download from GitHub ({@code webrtc-polyfill}). JSR and
 *     GitHub are not reachable here; the tree's own files are not changed;</li>
 * <li>{@code deno-dir/}: Deno's cache with every npm package the provider loads, so that a provider
 *     node runs it with {@code --cached-only} and fetches nothing.</li>
 * </ul>
 */
public final class DenoProviderBuild implements Requirement {
    /** The Deno release the provider runs on. */
    public static final String DENO_VERSION = "2.9.6";
    /** versions.properties keys. */
    public static final String COMMIT_KEY = "wasimoff.denoprovider.commit";
    public static final String HASH_KEY = "wasimoff.denoprovider.source-hash";
    public static final String SOURCE_KEY = "wasimoff.denoprovider.source";
    public static final String DIR_KEY = "wasimoff.denoprovider.dir";
    public static final String DENO_KEY = "wasimoff.denoprovider.deno";
    /** Below the built directory: the runtime, the provider's entry point, our configuration, Deno's cache. */
    public static final String DENO = "bin/deno";
    public static final String MAIN = "src/denoprovider/main.ts";
    public static final String CONFIG = "src/deno.json";
    public static final String DENO_DIR = "deno-dir";
    private static final List<String> OURS = List.of("deno.json", "shims/cliffy-flags.ts", "shims/std-path.ts",
            "shims/webrtc-polyfill.ts");
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    private static final PinnedBuild BUILD = new PinnedBuild("Wasimoff's Deno provider", COMMIT_KEY, HASH_KEY, SOURCE_KEY,
            DIR_KEY, DENO);

    @Override
    public String name() {
        return "wasimoff-denoprovider";
    }

    /** The built directory, or a failure saying the installer has not built it. */
    public static Path require(InstalledBinaries cache) {
        return BUILD.require(cache);
    }

    @Override
    public Optional<String> missing(InstallContext context) {
        return BUILD.missing(context.cache());
    }

    /**
     * The arguments after {@code deno} that run the provider in {@code dir} (the built directory
     * where the node has it) with {@code workers} workers against {@code brokerUrl}. {@code location}
     * is the origin Deno keeps the provider's {@code localStorage} (its id) under: one per provider,
     * as a browser profile is. {@code --retry}: the provider connects again when its connection ends
     * (the broker restarted, the network was cut), which its own flag offers and a browser page does not.
     */
    public static List<String> runArguments(String dir, String location, int workers, String brokerUrl) {
        return List.of("run", "--config", dir + "/" + CONFIG, "--sloppy-imports", "--cached-only", "--no-prompt",
                "--allow-env", "--allow-read", "--allow-write", "--allow-net", "--location", location,
                dir + "/" + MAIN, "--workers", Integer.toString(workers), "--url", brokerUrl, "--retry");
    }

    @Override
    public void install(InstallContext context) throws InstallException {
        BUILD.build(context, (source, build) -> {
            Path target = context.cache().root().resolve("denoprovider-" + source.hash().substring(0, 12));
            context.say("making Wasimoff's Deno provider runnable from " + source.origin() + " (" + source.tree()
                    + ") with Deno " + DENO_VERSION + " from npm; about a minute");
            FileTrees.copyTree(source.tree().resolve("denoprovider"), build.resolve("src/denoprovider"));
            FileTrees.copyTree(source.tree().resolve("webprovider/lib"), build.resolve("src/webprovider/lib"));
            for (String file : OURS) {
                Path to = Files.createDirectories(build.resolve("src").resolve(file).getParent()).resolve(
                        Path.of(file).getFileName());
                try (InputStream in = DenoProviderBuild.class.getResourceAsStream("deno/" + Path.of(file).getFileName())) {
                    Files.copy(in, to);
                }
            }
            Path npm = build.resolve("npm");
            run(context, BuildCommand.of("npm", "install", "--prefix", npm.toString(), "--no-save", "--no-audit",
                    "--no-fund", "deno@" + DENO_VERSION).env("npm_config_cache", npm.resolve(".npm-cache").toString()));
            Files.createDirectories(build.resolve(DENO).getParent());
            Files.copy(denoBinary(npm), build.resolve(DENO), StandardCopyOption.COPY_ATTRIBUTES);
            Files.setPosixFilePermissions(build.resolve(DENO), PosixFilePermissions.fromString("rwxr-xr-x"));
            FileTrees.deleteTree(npm);
            run(context, deno(build, "cache", "--config", build.resolve(CONFIG).toString(), "--sloppy-imports",
                    build.resolve(MAIN).toString()));
            String version = BuildCommand.of(build.resolve(DENO).toString(), "--version").output();
            FileTrees.deleteTree(target);
            Files.move(build, target, StandardCopyOption.ATOMIC_MOVE);
            BUILD.record(context.cache(), source, target, Map.of(DENO_KEY,
                    version == null ? "?" : version.lines().findFirst().orElse("?").strip()));
            context.say("Deno provider " + Pins.shortCommit(Pins.WASIMOFF_COMMIT) + " from " + source.origin()
                    + " in " + target);
        });
    }

    /** Deno run from {@code build} with its cache there; the trust store is the system's, as for npm. */
    private static BuildCommand deno(Path build, String... args) {
        String[] command = Stream.concat(Stream.of(build.resolve(DENO).toString()), Stream.of(args))
                .toArray(String[]::new);
        return BuildCommand.of(command).in(build).env("DENO_DIR", build.resolve(DENO_DIR).toString())
                .env("DENO_NO_UPDATE_CHECK", "1").env("DENO_TLS_CA_STORE", "system,mozilla");
    }

    /** The release binary the npm package's platform dependency ({@code @deno/linux-x64-glibc}) carries. */
    private static Path denoBinary(Path npm) throws IOException, InstallException {
        try (Stream<Path> platforms = Files.list(npm.resolve("node_modules/@deno"))) {
            return platforms.map(p -> p.resolve("deno")).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new InstallException("the npm package deno@" + DENO_VERSION
                            + " brought no binary for this platform under " + npm.resolve("node_modules/@deno")));
        }
    }

    private static void run(InstallContext context, BuildCommand step) throws IOException, InterruptedException,
            InstallException {
        step.timeout(STEP_TIMEOUT).runToInstall(context, "making the Deno provider runnable");
    }

    @Override
    public String manualCommand() {
        return "mvn -Pinstall -Dsystems=wasimoff -Dprovider=deno (needs npm, the npm registry and Wasimoff's source: -D"
                + WasimoffSource.SRC + "=<tree at " + Pins.shortCommit(Pins.WASIMOFF_COMMIT) + ">)";
    }
}
