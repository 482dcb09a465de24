package wasimoff.eval.workload;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The TSP program every system runs in one evaluation: {@value #SEED_TSP} (the seed's
 * {@code wasi-apps/travelling_salesman}, built into the cache) or {@value #OWN_TSP} (this project's
 * {@code workload/tsp/tsp.c}). It gives the WebAssembly module the brokers store, the native builds
 * (the static one is Serverledge's payload), the arguments for a size n, the response checks and
 * the parameters every result names. Native builds are made or found on first use.
 */
public final class Workload {
    public static final String SEED_TSP = "seed-tsp";
    public static final String OWN_TSP = "own-tsp";

    /** A native build, made or found when first asked for. */
    @FunctionalInterface
    public interface NativeBuild {
        Path path() throws IOException, InterruptedException;
    }

    /** Serverledge's image contents around the static build. */
    @FunctionalInterface
    interface ServerledgePayload {
        ServerledgeFunction around(Path staticBuild) throws IOException, InterruptedException;
    }

    private final String kind;
    private final String label;
    private final byte[] module;
    private final String moduleSha256;
    private final NativeBuild dynamicBuild;
    private final NativeBuild staticBuild;
    private final ServerledgePayload serverledge;
    private final Function<String, Optional<String>> outputCheck;
    private final Map<String, String> provenance;
    private Path dynamicPath;
    private Path staticPath;

    Workload(String kind, String label, byte[] module, NativeBuild dynamicBuild, NativeBuild staticBuild,
             ServerledgePayload serverledge, Function<String, Optional<String>> outputCheck,
             Map<String, String> provenance) {
        this.kind = kind;
        this.label = label;
        this.module = module.clone();
        this.moduleSha256 = sha256(module);
        this.dynamicBuild = dynamicBuild;
        this.staticBuild = staticBuild;
        this.serverledge = serverledge;
        this.outputCheck = outputCheck;
        this.provenance = Map.copyOf(provenance);
    }

    /** {@value #SEED_TSP} or {@value #OWN_TSP}. */
    public String kind() {
        return kind;
    }

    /** The kind and where it came from, e.g. {@code seed-tsp (Wasimoff ... at 2191728)}. */
    public String label() {
        return label;
    }

    /** The WebAssembly module's bytes (a copy). */
    public byte[] module() {
        return module.clone();
    }

    public String moduleSha256() {
        return moduleSha256;
    }

    /** The dynamically linked native build (gcc, or cargo's default). */
    public synchronized Path nativeDynamic() throws IOException, InterruptedException {
        if (dynamicPath == null) {
            dynamicPath = dynamicBuild.path();
        }
        return dynamicPath;
    }

    /** The static native build, which Serverledge's {@code FROM scratch} image runs. */
    public synchronized Path nativeStatic() throws IOException, InterruptedException {
        if (staticPath == null) {
            staticPath = staticBuild.path();
        }
        return staticPath;
    }

    /** The program's arguments for one run of size {@code n}, as the evaluation sent them: {@code rand n}. */
    public List<String> args(int n) {
        return List.of("rand", Integer.toString(n));
    }

    /**
     * The arguments for measuring run time at size {@code n} (a number, or a placeholder such as
     * hyperfine's {@code {n}}): our program gets the fixed seed 42, so every run solves the same
     * cities; the seed's program has no seed and picks random cities each run, as in the evaluation.
     */
    public List<String> measuredArgs(String n) {
        return kind.equals(OWN_TSP) ? List.of("rand", n, "42") : List.of("rand", n);
    }

    /** {@link #args} as Wasimoff's {@code X-Args} header. */
    public String xArgs(int n) {
        return String.join(" ", args(n));
    }

    /** Serverledge's custom-runtime image contents for this program. */
    public ServerledgeFunction serverledgeFunction() throws IOException, InterruptedException {
        return serverledge.around(nativeStatic());
    }

    /** Why {@code output} (stdout, or Wasimoff's stderr-then-stdout body) is not this program's result, or empty. */
    public Optional<String> invalid(String output) {
        return outputCheck.apply(output);
    }

    /**
     * The name of the response check for one of the system APIs ({@link ResponseChecks#WASIMOFF_RUN},
     * {@link ResponseChecks#SERVERLEDGE_INVOKE}) with this program's output.
     */
    public String responseCheck(String api) {
        return ResponseChecks.forWorkload(api, kind);
    }

    /**
     * What every result names: the workload, the module's SHA-256, the static native build's SHA-256
     * (built now if needed; a build that fails is named as such) and the build's provenance.
     */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("workload", label);
        p.put("workload module sha256", moduleSha256);
        String nativeSha;
        try {
            nativeSha = sha256(java.nio.file.Files.readAllBytes(nativeStatic()));
        } catch (IOException e) {
            nativeSha = "not built: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            nativeSha = "not built: interrupted";
        }
        p.put("workload native static sha256", nativeSha);
        p.putAll(provenance);
        return p;
    }

    @Override
    public String toString() {
        return label;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
