package wasimoff.eval.install;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Go toolchain the real systems are built with, and the commands that build statically. */
final class GoToolchain {
    static final String MANUAL = "install Go 1." + Pins.GO_MINOR_MIN + " or newer (https://go.dev/dl/) and run again";
    private static final Pattern VERSION = Pattern.compile("go version go1\\.(\\d+)");

    private GoToolchain() {
    }

    /** The version line of {@code go}, or why it cannot build the systems. */
    static Optional<String> unusable() {
        String out = BuildCommand.of("go", "version").output();
        if (out == null) {
            return Optional.of("Go is not installed (no 'go' on the PATH); " + MANUAL);
        }
        Matcher m = VERSION.matcher(out);
        if (m.find() && Integer.parseInt(m.group(1)) < Pins.GO_MINOR_MIN) {
            return Optional.of(out.strip() + " is older than 1." + Pins.GO_MINOR_MIN + "; " + MANUAL);
        }
        return Optional.empty();
    }

    /** {@code go version}'s version word, e.g. {@code go1.26.8}. */
    static String version() {
        String out = BuildCommand.of("go", "version").output();
        return out == null ? "?" : out.strip().split("\\s+")[2];
    }

    /** A go command that builds static binaries, resolving modules as needed. */
    static BuildCommand go(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "go";
        System.arraycopy(args, 0, command, 1, args.length);
        return BuildCommand.of(command).env("CGO_ENABLED", "0").env("GOWORK", "off").env("GOFLAGS", "-mod=mod");
    }
}
