package wasimoff.eval.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wasimoff's broker at the pinned commit, built into the cache as {@value #BINARY}, from the first
 * source that works: the Go module proxy ({@code go install wasi.team/broker@<pin>}), a source
 * tree ({@link WasimoffSource#configuredTree}), a {@code git clone} of the pinned commit. The cache
 * records the commit and the source ({@code proxy}, {@code tree:<hash>}, {@code git}) for every
 * result to name.
 */
public final class WasimoffBroker implements Requirement {
    public static final String BINARY = "wasimoff-broker";
    /** versions.properties keys. */
    public static final String COMMIT_KEY = "wasimoff.broker.commit";
    public static final String SOURCE_KEY = "wasimoff.broker.source";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    @Override
    public String name() {
        return BINARY;
    }

    @Override
    public Optional<String> missing(InstallContext context) {
        InstalledBinaries cache = context.cache();
        if (cache.find(BINARY).isEmpty()) {
            return Optional.of(BINARY + " is not built in " + cache.directory());
        }
        String commit = cache.versions().get(COMMIT_KEY);
        if (!Pins.WASIMOFF_COMMIT.equals(commit)) {
            return Optional.of(BINARY + " in " + cache.directory() + " is of commit " + commit + ", not the pinned "
                    + Pins.WASIMOFF_COMMIT);
        }
        return Optional.empty();
    }

    @Override
    public void install(InstallContext context) throws InstallException {
        Optional<String> go = GoToolchain.unusable();
        if (go.isPresent()) {
            throw new InstallException(go.get());
        }
        List<String> tried = new ArrayList<>();
        try {
            Path work = Files.createDirectories(context.cache().root().resolve("build"));
            Path out = Files.createTempFile(work, BINARY, ".new");
            try {
                String source = fromProxy(context, work, out, tried);
                if (source == null) {
                    source = fromTree(context, work, out, tried);
                }
                if (source == null) {
                    source = fromGit(context, work, out, tried);
                }
                if (source == null) {
                    throw new InstallException("the Wasimoff broker at " + Pins.shortCommit(Pins.WASIMOFF_COMMIT)
                            + " could not be built from any source: " + String.join("; ", tried));
                }
                Files.createDirectories(context.cache().directory());
                Files.move(out, context.cache().directory().resolve(BINARY), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                Map<String, String> record = new LinkedHashMap<>();
                record.put(COMMIT_KEY, Pins.WASIMOFF_COMMIT);
                record.put(SOURCE_KEY, source);
                record.put("wasimoff.broker.module", Pins.WASIMOFF_BROKER_MODULE);
                record.put("wasimoff.broker.version", Pins.WASIMOFF_BROKER_VERSION);
                record.put("wasimoff.broker.go", GoToolchain.version());
                context.cache().record(record);
                context.say(BINARY + " " + Pins.shortCommit(Pins.WASIMOFF_COMMIT) + " built from " + source);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new InstallException("building " + BINARY + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted while building " + BINARY, e);
        }
    }

    /** {@code go install} of the pinned pseudo-version; null (with the reason in {@code tried}) when refused. */
    private static String fromProxy(InstallContext context, Path work, Path out, List<String> tried)
            throws IOException, InterruptedException {
        String module = Pins.WASIMOFF_BROKER_MODULE + "@" + Pins.WASIMOFF_BROKER_VERSION;
        context.say("trying the Go module proxy: go install " + module);
        Path gobin = Files.createTempDirectory(work, "gobin");
        try {
            BuildCommand.Result r = GoToolchain.go("install", "-trimpath", module).env("GOBIN", gobin.toString())
                    .timeout(BUILD_TIMEOUT).run(context.progress(), "     ");
            if (r.ok()) {
                Files.move(gobin.resolve("broker"), out, StandardCopyOption.REPLACE_EXISTING);
                return "proxy";
            }
            tried.add("proxy: " + lastLine(r));
            context.say("the module proxy did not give it (" + lastLine(r) + ")");
            return null;
        } finally {
            FileTrees.deleteTree(gobin);
        }
    }

    private static String fromTree(InstallContext context, Path work, Path out, List<String> tried)
            throws IOException, InterruptedException, InstallException {
        Optional<Path> tree = WasimoffSource.configuredTree(context.settings(), context.environment(), context.project());
        if (tree.isEmpty()) {
            tried.add("tree: none given (-D" + WasimoffSource.SRC + ", $WASIMOFF_SRC) and none at ../shared/third-party/wasimoff");
            return null;
        }
        WasimoffSource source;
        try {
            source = WasimoffSource.ofTree(tree.get());
        } catch (WasimoffSource.Refused e) {
            tried.add("tree: " + e.getMessage());
            context.say("REFUSED: " + e.getMessage());
            return null;
        }
        build(context, source, work, out);
        return source.origin();
    }

    private static String fromGit(InstallContext context, Path work, Path out, List<String> tried)
            throws IOException, InterruptedException, InstallException {
        String url = context.settings().getProperty(WasimoffSource.GIT_URL, Pins.WASIMOFF_REPOSITORY);
        Path clone = context.cache().root().resolve("src/wasimoff-" + Pins.shortCommit(Pins.WASIMOFF_COMMIT));
        if (!Files.isDirectory(clone.resolve(".git"))) {
            context.say("cloning " + url + " at " + Pins.shortCommit(Pins.WASIMOFF_COMMIT));
            Path partial = Files.createTempDirectory(work, "clone");
            BuildCommand.Result r = BuildCommand.of("git", "clone", "--quiet", url, partial.toString())
                    .env("GIT_TERMINAL_PROMPT", "0").timeout(Duration.ofMinutes(5)).run(context.progress(), "     git: ");
            if (r.ok()) {
                r = BuildCommand.of("git", "-C", partial.toString(), "-c", "advice.detachedHead=false", "checkout",
                        "--quiet", Pins.WASIMOFF_COMMIT).run(context.progress(), "     git: ");
            }
            if (!r.ok()) {
                FileTrees.deleteTree(partial);
                tried.add("git: " + lastLine(r));
                return null;
            }
            Files.createDirectories(clone.getParent());
            Files.move(partial, clone, StandardCopyOption.ATOMIC_MOVE);
        }
        WasimoffSource source;
        try {
            source = WasimoffSource.ofClone(clone);
        } catch (WasimoffSource.Refused e) {
            tried.add("git: " + e.getMessage());
            context.say("REFUSED: " + e.getMessage());
            return null;
        }
        build(context, source, work, out);
        return source.origin();
    }

    /**
     * Builds in a writable copy of the tree's {@code broker/} and {@code proto/}, with the copy's
     * go.mod pointing {@code wasi.team/proto} at the copy's {@code ../proto} (the tree stays as it
     * is) and the one undeclared requirement pinned.
     */
    private static void build(InstallContext context, WasimoffSource source, Path work, Path out)
            throws IOException, InterruptedException, InstallException {
        Path copy = Files.createTempDirectory(work, "wasimoff-src");
        try {
            FileTrees.copyTree(source.tree().resolve("broker"), copy.resolve("broker"));
            FileTrees.copyTree(source.tree().resolve("proto"), copy.resolve("proto"));
            Path broker = copy.resolve("broker");
            context.say("building " + BINARY + " from " + source.origin() + " (" + source.tree()
                    + "); Go takes about a minute on 2 cores");
            for (BuildCommand step : List.of(
                    GoToolchain.go("mod", "edit", "-replace", "wasi.team/proto=../proto"),
                    GoToolchain.go("mod", "edit", "-require", Pins.WASIMOFF_BROKER_MIMETYPE),
                    GoToolchain.go("build", "-trimpath", "-o", out.toString(), "."))) {
                BuildCommand.Result r = step.in(broker).timeout(BUILD_TIMEOUT).run(context.progress(), "     ");
                if (!r.ok()) {
                    throw new InstallException(step + " failed in a copy of " + source.tree() + ":\n" + r.tail());
                }
            }
        } finally {
            FileTrees.deleteTree(copy);
        }
    }

    /** The line that says why a step failed: git's and go's first error line, else the last line. */
    private static String lastLine(BuildCommand.Result r) {
        List<String> lines = r.lastLines().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> l.startsWith("fatal:") || l.startsWith("error:")).findFirst()
                .orElse(lines.isEmpty() ? "exit status " + r.exitCode() : lines.get(lines.size() - 1));
    }

    @Override
    public String manualCommand() {
        return "mvn -Pinstall -Dsystems=wasimoff (needs Go 1." + Pins.GO_MINOR_MIN + "+ and Wasimoff's source:"
                + " -D" + WasimoffSource.SRC + "=<tree at " + Pins.shortCommit(Pins.WASIMOFF_COMMIT)
                + "> or network access to the Go module proxy or GitHub)";
    }
}
