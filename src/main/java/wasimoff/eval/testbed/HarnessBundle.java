package wasimoff.eval.testbed;

import wasimoff.eval.install.FileTrees;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The harness as a directory that runs anywhere a JDK 17 does: {@code harness.jar} (a manifest whose
 * {@code Main-Class} is {@value #MAIN_CLASS} and whose {@code Class-Path} lists {@code lib/*.jar})
 * plus {@code lib/} with this JVM's class path, class directories packed as jars. Remote nodes (SSH
 * servers, containers) receive this directory and run {@code java -jar harness.jar load ...} or
 * {@code java -jar harness.jar service ...}.
 *
 * <p>It is built from the running class path, not from {@code mvn package}, so a scenario started
 * from the IDE or from the test phase ships exactly the code it runs. The directory is named after
 * a hash of its content and built once.
 */
public final class HarnessBundle {
    /** The command line of {@code harness.jar}; named, not imported, since entry points sit above the testbed layer. */
    public static final String MAIN_CLASS = "wasimoff.eval.cli.HarnessMain";

    /** The jar to run: {@code java -jar <dir>/harness.jar}. */
    public static final String JAR = "harness.jar";

    /** Where nodes' harness bundles are built: Maven's output directory of the project being run. */
    private static final Path DEFAULT_ROOT = Path.of("target", "harness");
    private static HarnessBundle ofThisJvm;

    private final Path dir;
    private final String hash;

    private HarnessBundle(Path dir, String hash) {
        this.dir = dir;
        this.hash = hash;
    }

    /**
     * The bundle of this JVM's class path under {@code target/harness}, hashed and built once per
     * JVM: every remote node asks for it, and hashing the class path reads all of it.
     */
    public static synchronized HarnessBundle ofThisJvm() {
        if (ofThisJvm == null) {
            ofThisJvm = ofThisJvm(DEFAULT_ROOT);
        }
        return ofThisJvm;
    }

    /** The bundle of this JVM's class path under {@code root} (built there unless already present). */
    public static synchronized HarnessBundle ofThisJvm(Path root) {
        List<Path> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (!e.isBlank() && Files.exists(p) && !p.getFileName().toString().equals("test-classes")) {
                entries.add(p);
            }
        }
        return of(entries, root);
    }

    /** A bundle of the given class path entries (jars and class directories) under {@code root}. */
    public static HarnessBundle of(List<Path> classPath, Path root) {
        try {
            String hash = hash(classPath);
            Path dir = root.resolve("harness-" + hash);
            if (Files.isRegularFile(dir.resolve(JAR))) {
                return new HarnessBundle(dir, hash);
            }
            Path tmp = Files.createDirectories(root).resolve("harness-" + hash + ".tmp-" + ProcessHandle.current().pid());
            Path lib = Files.createDirectories(tmp.resolve("lib"));
            List<String> names = new ArrayList<>();
            int i = 0;
            for (Path entry : classPath) {
                String name = String.format("%02d-%s", i++, jarName(entry));
                if (Files.isDirectory(entry)) {
                    packDirectory(entry, lib.resolve(name));
                } else {
                    Files.copy(entry, lib.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                names.add("lib/" + name);
            }
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", names));
            try (OutputStream out = Files.newOutputStream(tmp.resolve(JAR));
                 JarOutputStream jar = new JarOutputStream(out, manifest)) {
                jar.flush();
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(dir.resolve(JAR))) {
                    throw raced;
                }
                FileTrees.deleteTree(tmp);
            }
            return new HarnessBundle(dir, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the harness bundle under " + root, e);
        }
    }

    /** The local directory holding {@code harness.jar} and {@code lib/}. */
    public Path directory() {
        return dir;
    }

    /** A content hash of the bundle; remote copies are named after it so they are uploaded once. */
    public String hash() {
        return hash;
    }

    /** Every file of the bundle, relative to {@link #directory()}, jar first. */
    public List<Path> files() {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> files = new ArrayList<>(List.of(Path.of(JAR)));
            s.filter(Files::isRegularFile).map(dir::relativize).filter(p -> !p.toString().equals(JAR)).sorted()
                    .forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jarName(Path entry) {
        String file = entry.getFileName().toString();
        if (Files.isDirectory(entry)) {
            Path parent = entry.getParent();
            return (parent == null || parent.getParent() == null ? "classes"
                    : parent.getParent().getFileName() + "-" + file) + ".jar";
        }
        return file.endsWith(".jar") ? file : file + ".jar";
    }

    /** Jars a class directory with fixed timestamps, so equal content gives an equal jar. */
    private static void packDirectory(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(source)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target))) {
            for (Path f : files) {
                JarEntry e = new JarEntry(source.relativize(f).toString().replace(File.separatorChar, '/'));
                e.setLastModifiedTime(FileTime.fromMillis(0));
                jar.putNextEntry(e);
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
    }

    private static String hash(List<Path> classPath) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path entry : classPath) {
            digest.update(entry.getFileName().toString().getBytes());
            List<Path> files;
            try (Stream<Path> s = Files.walk(entry)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                digest.update(entry.relativize(f).toString().getBytes());
                digest.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
