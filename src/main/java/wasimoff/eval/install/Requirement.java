package wasimoff.eval.install;

import java.util.Optional;

/**
 * Something a system or testbed needs on this machine before it can run: a pinned binary built
 * into the cache, or a tool from a Debian package. Checking is cheap (it runs before every
 * scenario); installing may take minutes and reports progress.
 */
public interface Requirement {
    /** What it is, as the console names it, e.g. {@code wasimoff-broker} or {@code etcd (Debian etcd-server)}. */
    String name();

    /** Why it is not usable now, or empty when it is. */
    Optional<String> missing(InstallContext context);

    /** Installs it; throws with the reason when that is not possible here. */
    void install(InstallContext context) throws InstallException;

    /** What a user types to install it where the harness cannot (not root, not Debian, installing off). */
    String manualCommand();
}
