package wasimoff.eval.testbed.docker;

import wasimoff.eval.install.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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
 * The provider nodes' image when browsers are asked for: the {@link NodeImage} plus this
 * machine's Debian Chromium (its {@code /usr/lib/chromium}, the {@code chromium} launcher with its
 * {@code /etc/chromium.d} settings, the shared libraries {@code ldd} names for its executables and
 * libraries, the NSS modules it loads at run time, fontconfig's configuration and the DejaVu fonts),
 * so that Wasimoff's web provider runs in the container under its CPU and memory limits. Debian's
 * {@code dev-shm} setting asks {@code findmnt}, which busybox lacks; the image's own asks {@code df}
 * with the same threshold (a container's {@code /dev/shm} is 64 MB: Chromium then uses /tmp).
 *
 * <p>Tagged by a hash of the node image's tag and the path, size and modification time of every file
 * that goes in, built once (about 450 MB; the build directory is deleted afterwards).
 */
public final class ChromiumImage {
    private static final Path LIB = Path.of("/usr/lib/chromium");
    private static final Path LAUNCHER = Path.of("/usr/bin/chromium");
    private static final List<Path> TREES = List.of(LIB, Path.of("/etc/chromium.d"), Path.of("/etc/chromium"),
            Path.of("/etc/fonts"), Path.of("/usr/share/fontconfig"), Path.of("/usr/share/fonts/truetype/dejavu"));
    /** Loaded with dlopen by NSS, which Chromium initialises at start; ldd does not name them. */
    private static final List<String> NSS_MODULES = List.of("libsoftokn3.so", "libsoftokn3.chk", "libfreebl3.so",
            "libfreebl3.chk", "libfreeblpriv3.so", "libfreeblpriv3.chk", "libnssdbm3.so", "libnssdbm3.chk",
            "libnssckbi.so");
    private static final Path LIB_DIR = Path.of("/usr/lib/x86_64-linux-gnu");
    private static final String DEV_SHM = String.join("\n",
            "# this image's replacement for Debian's dev-shm, which asks findmnt (busybox has none)",
            "shm_avail=$(df -k /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')",
            "if [ \"${shm_avail:-0}\" -lt 3984588 ]  # 3.8 GB, in KiB",
            "then",
            "\texport CHROMIUM_FLAGS=\"$CHROMIUM_FLAGS --disable-dev-shm-usage\"",
            "fi", "");

    private ChromiumImage() {
    }

    /** Why no Chromium image can be built here (Debian's chromium is not installed), or null when it can. */
    public static String unavailableReason() {
        if (!Files.isExecutable(LIB.resolve("chromium")) || !Files.isExecutable(LAUNCHER)) {
            return "Debian's chromium is not installed on this machine (apt-get install chromium)";
        }
        return null;
    }

    /** The tag of the Chromium image on top of {@code nodeImage}, built under {@code buildRoot} unless it exists. */
    public static String ensure(String nodeImage, Path buildRoot) throws IOException, InterruptedException {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IOException("cannot build the container image with Chromium: " + reason);
        }
        List<Path> files = inputs();
        TreeSet<String> libraries = SharedLibraries.of(files.stream()
                .filter(f -> f.startsWith(LIB) || f.startsWith(LIB_DIR)).filter(ChromiumImage::isElf).toList());
        libraries.removeIf(l -> files.contains(Path.of(l)));
        String tag = "wasimoff-eval-node-chromium:" + hash(nodeImage, files, libraries);
        try {
            DockerEngine.docker(List.of("image", "inspect", "--format", "{{.Id}}", tag), Duration.ofSeconds(30));
            return tag;
        } catch (IOException notBuiltYet) {
            // build it below
        }
        long started = System.nanoTime();
        System.out.println("[docker] building " + tag + ": the node image with this machine's Chromium (once)");
        Files.createDirectories(buildRoot);
        Path context = Files.createTempDirectory(buildRoot, "chromium-image-");
        try {
            Path rootfs = context.resolve("rootfs");
            for (Path f : files) {
                Path target = rootfs.resolve(f.toString().substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(f, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            }
            SharedLibraries.copy(libraries, rootfs);
            Files.writeString(rootfs.resolve("etc/chromium.d/dev-shm"), DEV_SHM);
            Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                    "FROM " + nodeImage,
                    "COPY rootfs/ /",
                    "ENV PATH=/opt/java/bin:/bin:/usr/bin",
                    "LABEL " + NodeImage.LABEL + "=true", ""));
            DockerEngine.docker(List.of("build", "-q", "-t", tag, context.toString()), Duration.ofMinutes(15));
            System.out.printf("[docker] built %s in %.0f s%n", tag, (System.nanoTime() - started) / 1e9);
            return tag;
        } finally {
            FileTrees.deleteTree(context);
        }
    }

    /** Every file that goes in as it is: the trees, the launcher and the NSS modules (links stay links). */
    private static List<Path> inputs() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path tree : TREES) {
            if (Files.isDirectory(tree)) {
                try (Stream<Path> walk = Files.walk(tree)) {
                    walk.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
                            .filter(f -> !f.getFileName().toString().equals("dev-shm")).forEach(files::add);
                }
            }
        }
        files.add(LAUNCHER);
        NSS_MODULES.stream().map(LIB_DIR::resolve).filter(Files::exists).forEach(files::add);
        return files;
    }

    private static boolean isElf(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private static String hash(String nodeImage, List<Path> files, TreeSet<String> libraries) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("recipe 1|" + nodeImage + "|" + DEV_SHM).getBytes(StandardCharsets.UTF_8));
            List<Path> all = new ArrayList<>(files);
            libraries.forEach(l -> all.add(Path.of(l)));
            for (Path f : all.stream().sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String link = a.isSymbolicLink() ? Files.readSymbolicLink(f).toString() : "";
                digest.update((f + "|" + a.size() + "|" + a.lastModifiedTime().toMillis() + "|" + link + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
