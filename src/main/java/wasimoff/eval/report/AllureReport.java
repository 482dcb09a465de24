package wasimoff.eval.report;

import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes to the Allure report of the running test: parameters, labels and file attachments. It must
 * be called from the test's own thread, where Allure knows the running test.
 */
public final class AllureReport {
    private AllureReport() {
    }

    public static void parameters(Map<String, ?> parameters) {
        parameters.forEach((k, v) -> Allure.parameter(k, String.valueOf(v)));
    }

    /** Attaches a file with a MIME type chosen from its extension. */
    public static void attach(String name, Path file) {
        String fileName = file.getFileName().toString();
        String ext = fileName.substring(fileName.lastIndexOf('.') + 1);
        String type = switch (ext) {
            case "csv" -> "text/csv";
            case "json" -> "application/json";
            case "png" -> "image/png";
            case "log", "txt" -> "text/plain";
            default -> "application/octet-stream";
        };
        try (InputStream in = Files.newInputStream(file)) {
            Allure.addAttachment(name, type, in, ext);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void text(String name, String content) {
        Allure.addAttachment(name, "text/plain", content, "txt");
    }
}
