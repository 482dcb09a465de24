package wasimoff.eval.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wasimoff's web provider ({@code webprovider/}, Vue + Vite) at the pinned commit, built once into
 * the cache as {@code webprovider-<first 12 hex of the source hash>/dist}, from the same source
 * tree as a broker built from source ({@link WasimoffSource#configuredTree}, else the installer's
 * clone). Its dependencies come from the npm registry exactly as its {@code yarn.lock} says: the
 * build runs the yarn its {@code package.json} names ({@code packageManager}) with
 * {@code --immutable}, then {@code vite build}. The broker serves the result
 * ({@code WASIMOFF_STATIC_FILES}), and headless Chromium on the provider nodes opens it.
 */
public final class WebProvider implements Requirement {
    /** versions.properties keys. */
    public static final String COMMIT_KEY = "wasimoff.webprovider.commit";
    public static final String HASH_KEY = "wasimoff.webprovider.source-hash";
    public static final String SOURCE_KEY = "wasimoff.webprovider.source";
    public static final String DIR_KEY = "wasimoff.webprovider.dist";
    private static final Pattern PACKAGE_MANAGER = Pattern.compile("yarn@(\\d+\\.\\d+\\.\\d+)");
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    private static final PinnedBuild BUILD = new PinnedBuild("Wasimoff's web provider", COMMIT_KEY, HASH_KEY, SOURCE_KEY,
            DIR_KEY, "index.html");

    @Override
    public String name() {
        return "wasimoff-webprovider";
    }

    /** The built {@code dist/} directory, if the cache holds one of the pinned commit. */
    public static Optional<Path> dist(InstalledBinaries cache) {
        return BUILD.dir(cache);
    }

    /** The built {@code dist/} directory, or a failure saying the installer has not built it. */
    public static Path requireDist(InstalledBinaries cache) {
        return BUILD.require(cache);
    }

    /** The content hash of the source tree the cached build came from. */
    public static String sourceHash(InstalledBinaries cache) {
        return cache.versions().getOrDefault(HASH_KEY, "?");
    }

    @Override
    public Optional<String> missing(InstallContext context) {
        return BUILD.missing(context.cache());
    }

    @Override
    public void install(InstallContext context) throws InstallException {
        BUILD.build(context, (source, copy) -> {
            Path project = copy.resolve("webprovider");
            FileTrees.copyTree(source.tree().resolve("webprovider"), project, List.of("node_modules", "dist"));
            String yarn = yarnVersion(project);
            context.say("building the web provider from " + source.origin() + " (" + source.tree() + ") with yarn "
                    + yarn + " and Vite; about a minute");
            runYarn(context, copy, project, yarn, "install", "--immutable");
            runYarn(context, copy, project, yarn, "run", "vite", "build");
            Path target = context.cache().root().resolve("webprovider-" + source.hash().substring(0, 12));
            FileTrees.deleteTree(target);
            Files.createDirectories(target);
            Files.move(project.resolve("dist"), target.resolve("dist"), StandardCopyOption.ATOMIC_MOVE);
            String node = BuildCommand.of("node", "--version").output();
            BUILD.record(context.cache(), source, target.resolve("dist"), Map.of("wasimoff.webprovider.yarn", yarn,
                    "wasimoff.webprovider.node", node == null ? "?" : node.strip()));
            context.say("web provider " + Pins.shortCommit(Pins.WASIMOFF_COMMIT) + " built from " + source.origin()
                    + " into " + target.resolve("dist"));
        });
    }

    /** The yarn version {@code package.json} asks for ({@code "packageManager": "yarn@4.9.4"}). */
    static String yarnVersion(Path project) throws IOException, InstallException {
        String field = new ObjectMapper().readTree(project.resolve("package.json").toFile()).path("packageManager").asText();
        Matcher m = PACKAGE_MANAGER.matcher(field);
        if (!m.lookingAt()) {
            throw new InstallException("webprovider/package.json names packageManager '" + field
                    + "', not a yarn version; the harness builds with the yarn the project pins");
        }
        return m.group(1);
    }

    /**
     * Runs yarn from the npm registry ({@code @yarnpkg/cli-dist}) with npm's and yarn's caches in
     * the build's own directory {@code work} (removed afterwards: about 350 MB that only a rebuild of
     * another commit would use), so nothing lands in the user's home. {@code GIT_DIR} points nowhere: the
     * project's revision plugin runs {@code git describe}, which would otherwise describe whatever
     * repository encloses the cache.
     */
    private static void runYarn(InstallContext context, Path work, Path project, String yarn, String... args)
            throws IOException, InterruptedException, InstallException {
        List<String> command = new java.util.ArrayList<>(List.of("npm", "exec", "--yes",
                "--package=@yarnpkg/cli-dist@" + yarn, "--", "yarn"));
        command.addAll(List.of(args));
        BuildCommand step = BuildCommand.of(command.toArray(String[]::new)).in(project)
                .env("npm_config_cache", work.resolve("npm-cache").toString())
                .env("npm_config_update_notifier", "false")
                .env("YARN_GLOBAL_FOLDER", work.resolve("yarn").toString())
                .env("YARN_ENABLE_TELEMETRY", "0")
                .env("YARN_ENABLE_PROGRESS_BARS", "0")
                .env("GIT_DIR", work.resolve("no-git").toString())
                .timeout(STEP_TIMEOUT);
        step.runToInstall(context, "in a copy of webprovider/");
    }

    @Override
    public String manualCommand() {
        return "mvn -Pinstall -Dsystems=wasimoff (needs npm, the npm registry and Wasimoff's source: -D"
                + WasimoffSource.SRC + "=<tree at " + Pins.shortCommit(Pins.WASIMOFF_COMMIT) + ">)";
    }
}
