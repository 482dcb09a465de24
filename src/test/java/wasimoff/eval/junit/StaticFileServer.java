package wasimoff.eval.junit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A directory served over HTTP on a free loopback port, as {@code mvn allure:serve} or
 * {@code python3 -m http.server} would: browsers do not load Allure's report from {@code file://}.
 */
final class StaticFileServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript", "css", "text/css", "json", "application/json", "png", "image/png", "svg",
            "image/svg+xml", "csv", "text/csv", "txt", "text/plain; charset=utf-8", "ico", "image/x-icon");

    private final HttpServer server;

    private StaticFileServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code root} on 127.0.0.1 at a port of the system's choosing. */
    static StaticFileServer serve(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        Path base = root.toAbsolutePath().normalize();
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
                Path file = base.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
                if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String name = file.getFileName().toString();
                String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
                exchange.getResponseHeaders().set("Content-Type", type);
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return new StaticFileServer(server);
    }

    /** The URL of {@code path} (relative, e.g. {@code index.html#suites}) on this server. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
