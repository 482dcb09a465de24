package wasimoff.eval.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/** A real HTTP server on loopback for load tests: answers every request from a function of its sequence number. */
public final class LoopbackHttpServer implements AutoCloseable {
    static {
        // the JDK server writes headers and body separately; without this, Nagle meets the client's
        // delayed ACK and every keep-alive response waits about 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

    /** The reply to one request; {@code close} answers with {@code Connection: close}. */
    public record Reply(int status, String body, long delayMillis, boolean close) {
        public Reply(int status, String body, long delayMillis) {
            this(status, body, delayMillis, false);
        }
    }

    public LoopbackHttpServer(IntFunction<Reply> replies) throws IOException {
        this(replies, 32);
    }

    /** A server that works on at most {@code workers} requests at once; others wait in its queue. */
    public LoopbackHttpServer(IntFunction<Reply> replies, int workers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(workers));
        server.createContext("/", exchange -> answer(exchange, replies.apply(count.incrementAndGet())));
        server.start();
    }

    private static void answer(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Wasimoff-Result", "Ok");
        exchange.getResponseHeaders().add("X-Wasimoff-Status", "0");
        if (reply.close()) {
            exchange.getResponseHeaders().add("Connection", "close");
        }
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int requests() {
        return count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
