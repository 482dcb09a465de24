package wasimoff.eval.junit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, loading one page as a person's browser would and handing back what it
 * rendered: the DOM after the page's scripts ran ({@code --dump-dom}) or a screenshot. Each load has
 * a profile, {@code HOME} and crash directory of its own below {@code work}; whatever still names
 * that directory when the browser ends (crashpad outlives it briefly) is killed by its pid.
 */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    /** Virtual time the page's scripts get before the DOM is taken: Allure renders after its XHRs. */
    private static final int SCRIPT_TIME_MILLIS = 15_000;
    private static final long TIMEOUT_SECONDS = 120;

    private final Path work;
    private int loads;

    HeadlessChromium(Path work) {
        this.work = work;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM of {@code url} once its scripts have run. */
    String dumpDom(URI url) throws IOException, InterruptedException {
        return run(url, List.of("--dump-dom"));
    }

    /** A PNG screenshot of {@code url} at 1400x1000 into {@code png}. */
    void screenshot(URI url, Path png) throws IOException, InterruptedException {
        run(url, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1400,1000", "--hide-scrollbars"));
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot of " + url);
        }
    }

    private String run(URI url, List<String> action) throws IOException, InterruptedException {
        if (!url.getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("only loopback pages are loaded here, not " + url);
        }
        Path dir = Files.createDirectories(work.resolve("chromium-" + ++loads));
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--crash-dumps-dir=" + dir.resolve("crash"), "--virtual-time-budget=" + SCRIPT_TIME_MILLIS));
        command.addAll(action);
        command.add(url.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr.log").toFile())
                .redirectOutput(dir.resolve("stdout.html").toFile());
        builder.environment().put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        Process browser = builder.start();
        try {
            if (!browser.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("chromium did not finish loading " + url + " within " + TIMEOUT_SECONDS + " s");
            }
            if (browser.exitValue() != 0) {
                throw new IOException("chromium exited with " + browser.exitValue() + " loading " + url + ": "
                        + Files.readString(dir.resolve("stderr.log")));
            }
            return Files.readString(dir.resolve("stdout.html"), StandardCharsets.UTF_8);
        } finally {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
            killWhatNames(dir);
        }
    }

    /** Kills the processes of this load (found by their own directory on the command line) that outlived it. */
    private static void killWhatNames(Path dir) throws InterruptedException {
        String mark = dir.toAbsolutePath().toString();
        for (int i = 0; i < 20; i++) {
            List<ProcessHandle> left = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                    .map(c -> c.contains(mark)).orElse(false)).toList();
            if (left.isEmpty()) {
                return;
            }
            if (i >= 10) {
                left.forEach(ProcessHandle::destroyForcibly);
            }
            Thread.sleep(150);
        }
    }

    /** Processes still naming {@code work} (none once every load has ended). */
    static List<String> processesNaming(Path work) {
        String mark = work.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(mark)).toList();
    }
}
