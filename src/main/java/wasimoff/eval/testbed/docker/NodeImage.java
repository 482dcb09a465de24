package wasimoff.eval.testbed.docker;

import wasimoff.eval.install.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import wasimoff.eval.testbed.LocalCommand;

/**
 * The image every container node runs, built here without a registry: {@code FROM scratch} with
 * busybox (Debian's {@code busybox-static}) for the shell and tools, a {@code jlink} runtime of this
 * JDK for our Java services and the load generator, and the C libraries that runtime links
 * against, copied from this machine. It is tagged by a hash of what went in and built once; the
 * build directory is deleted afterwards.
 */
public final class NodeImage {
    /** The label every image and container of this harness carries. */
    public static final String LABEL = "wasimoff-eval";
    /** The nodes' work directory, present in the image. */
    public static final String WORK_DIR = "/work";
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final String MODULES = "java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.httpserver,"
            + "jdk.zipfs,jdk.net";
    /** Linked by JNI libraries that tools load at run time (wasmtime's), not by the JDK itself. */
    private static final List<String> ALWAYS = List.of("libgcc_s.so.1", "libm.so.6", "libpthread.so.0",
            "libdl.so.2", "librt.so.1", "libc.so.6");

    private NodeImage() {
    }

    /** Why no node image can be built here, or null when it can. */
    public static String unavailableReason() {
        if (!Files.isExecutable(BUSYBOX)) {
            return BUSYBOX + " is missing: install Debian's busybox-static";
        }
        if (!Files.isExecutable(jlink())) {
            return jlink() + " is missing: the docker testbed needs a full JDK (Debian: openjdk-17-jdk-headless)";
        }
        if (!Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods"))) {
            return "this JDK has no jmods directory for jlink (Debian: openjdk-17-jmods)";
        }
        return null;
    }

    /** The tag of the node image, built under {@code buildRoot} unless it exists already. */
    public static String ensure(Path buildRoot) throws IOException, InterruptedException {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IOException("cannot build the container node image: " + reason);
        }
        String tag = "wasimoff-eval-node:" + inputsHash();
        try {
            DockerEngine.docker(List.of("image", "inspect", "--format", "{{.Id}}", tag), Duration.ofSeconds(30));
            return tag;
        } catch (IOException notBuiltYet) {
            // build it below
        }
        Files.createDirectories(buildRoot);
        Path context = Files.createTempDirectory(buildRoot, "node-image-");
        try {
            Path rootfs = context.resolve("rootfs");
            LocalCommand.run(List.of(jlink().toString(), "--add-modules", MODULES, "--strip-debug", "--no-header-files",
                    "--no-man-pages", "--output", rootfs.resolve("opt/java").toString()), Duration.ofMinutes(5));
            installBusybox(rootfs);
            installLibraries(rootfs);
            Files.createDirectories(rootfs.resolve("tmp"));
            Files.createDirectories(rootfs.resolve(WORK_DIR.substring(1)));
            Files.createDirectories(rootfs.resolve("etc"));
            Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
            Files.createDirectories(rootfs.resolve("root"));
            Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                    "FROM scratch",
                    "COPY rootfs/ /",
                    "ENV PATH=/opt/java/bin:/bin JAVA_HOME=/opt/java",
                    "LABEL " + LABEL + "=true",
                    "CMD [\"/bin/sleep\", \"2147483647\"]", ""));
            DockerEngine.docker(List.of("build", "-q", "-t", tag, context.toString()), Duration.ofMinutes(10));
            return tag;
        } finally {
            FileTrees.deleteTree(context);
        }
    }

    private static Path jlink() {
        return Path.of(System.getProperty("java.home"), "bin", "jlink");
    }

    private static void installBusybox(Path rootfs) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String applet : LocalCommand.run(List.of(BUSYBOX.toString(), "--list"), Duration.ofSeconds(10)).split("\\s+")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
    }

    /** The shared libraries the runtime's executables and libraries resolve through ldd, at their paths. */
    private static void installLibraries(Path rootfs) throws IOException, InterruptedException {
        List<Path> binaries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rootfs.resolve("opt/java"))) {
            files.filter(f -> f.toString().endsWith(".so") || f.getParent().getFileName().toString().equals("bin"))
                    .filter(Files::isRegularFile).forEach(binaries::add);
        }
        TreeSet<String> libraries = SharedLibraries.of(binaries);
        Path libDir = Path.of("/lib/x86_64-linux-gnu");
        ALWAYS.stream().map(libDir::resolve).filter(Files::exists).forEach(p -> libraries.add(p.toString()));
        SharedLibraries.copy(libraries, rootfs);
    }

    /** A hash of the JDK, the modules, busybox and this class's recipe version. */
    private static String inputsHash() throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("recipe 2|" + MODULES + "|" + System.getProperty("java.home") + "|"
                    + System.getProperty("java.runtime.version")).getBytes());
            digest.update(Files.readAllBytes(BUSYBOX));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
