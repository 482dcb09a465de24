package wasimoff.eval.system.wasimoff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What browser providers leave on this machine, for the tests that check nothing is left. */
final class BrowserTraces {
    private BrowserTraces() {
    }

    /** The browsers' own directories (profile, HOME, crash reports) under {@code work}. */
    static List<Path> directories(Path work) throws IOException {
        try (Stream<Path> files = Files.find(work, 3, (p, a) -> a.isDirectory()
                && p.getFileName().toString().startsWith("wasimoff-browser-"))) {
            return files.toList();
        }
    }

    /** The command lines of the processes that name {@code text} and {@code work}. */
    static List<String> processesNaming(String text, Path work) {
        return ProcessHandle.allProcesses().map(p -> commandLine(p.pid()))
                .filter(c -> c.contains(text) && c.contains(work.toString())).toList();
    }

    /** A process's command line, or empty when it has ended. */
    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException processEnded) {
            return "";
        }
    }
}
