package wasimoff.eval.install;

/**
 * The versions of the real systems every result is measured with. Changing one of them changes
 * what the harness installs, and every result names the pin it ran.
 */
public final class Pins {
    /** Wasimoff's repository, for the {@code git} source. */
    public static final String WASIMOFF_REPOSITORY = "https://github.com/wasimoff/wasimoff";
    /** The commit of Wasimoff every part (broker, providers, TSP program) is built from (2026-01-23). */
    public static final String WASIMOFF_COMMIT = "2191728addcb4ecc659f125784d37a2a64876c19";
    public static final String WASIMOFF_BROKER_MODULE = "wasi.team/broker";
    /** The Go pseudo-version of {@link #WASIMOFF_COMMIT}. */
    public static final String WASIMOFF_BROKER_VERSION = "v0.0.0-20260123115543-2191728addcb";
    /**
     * The broker at the pin imports this module without requiring it in its go.mod; pinned here so
     * that a build from source does not take whatever version is newest that day.
     */
    public static final String WASIMOFF_BROKER_MIMETYPE = "github.com/gabriel-vasile/mimetype@v1.4.16";

    /**
     * Serverledge as the seed's evaluation ran it: tag v1.0.0-percom23 (de610c8). The evaluation linked
     * the load balancer at 8d20606, whose only change is a Docker CPU quota for functions registered
     * with a CPU demand; the seed registered none. 8d20606 is not served by the Go module proxy; the tag is.
     */
    public static final String SERVERLEDGE_MODULE = "github.com/grussorusso/serverledge";
    public static final String SERVERLEDGE_VERSION = "v1.0.0-percom23";
    public static final String SERVERLEDGE_COMMIT = "de610c885453f722996d9a92bd50b3f58b656bc2";
    /** The module's go.sum hash; checked here because the public checksum database may not be reachable. */
    public static final String SERVERLEDGE_SUM = "h1:v4mGQkPSfugWXfRRvZvOUluak1oyeaa6Rqkv3x+7X2E=";

    /** The oldest Go that builds both systems (their go.mod files ask for 1.24). */
    public static final int GO_MINOR_MIN = 24;

    private Pins() {
    }

    /** A commit as people read it: its first 7 hex digits. */
    public static String shortCommit(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
