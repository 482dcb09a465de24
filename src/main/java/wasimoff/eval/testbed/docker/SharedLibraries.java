package wasimoff.eval.testbed.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;
import wasimoff.eval.testbed.LocalCommand;

/**
 * The shared libraries executables of this machine link against, as {@code ldd} resolves them, and
 * their copying into an image's root file system at the same paths: the node images are built
 * {@code FROM scratch} from this machine's files.
 */
final class SharedLibraries {
    private SharedLibraries() {
    }

    /** The absolute paths of the libraries {@code ldd} names for {@code binaries}; static files add none. */
    static TreeSet<String> of(Collection<Path> binaries) throws IOException, InterruptedException {
        TreeSet<String> libraries = new TreeSet<>();
        for (Path binary : binaries) {
            String out;
            try {
                out = LocalCommand.run(java.util.List.of("ldd", binary.toString()), Duration.ofSeconds(20));
            } catch (IOException notDynamic) {
                continue;
            }
            for (String line : out.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                // "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)"
                if (parts.length >= 3 && parts[1].equals("=>") && parts[2].startsWith("/")) {
                    libraries.add(parts[2]);
                } else if (parts.length >= 1 && parts[0].startsWith("/")) {
                    libraries.add(parts[0]);
                }
            }
        }
        return libraries;
    }

    /**
     * Copies every library in {@code libraries} (the file a link names, under the link's path) into
     * {@code rootfs}; paths inside {@code rootfs} itself and missing files are left out.
     */
    static void copy(Collection<String> libraries, Path rootfs) throws IOException {
        for (String library : libraries) {
            Path source = Path.of(library).normalize();
            if (source.startsWith(rootfs) || !Files.exists(source)) {
                continue;
            }
            Path target = rootfs.resolve(library.substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(source.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
