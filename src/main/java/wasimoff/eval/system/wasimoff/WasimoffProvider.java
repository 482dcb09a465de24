package wasimoff.eval.system.wasimoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import wasimoff.eval.system.ProviderConnection;
import wasimoff.eval.system.engine.WasmEngine;
import wasimoff.eval.testbed.EmbeddableService;

/**
 * Our provider for a real Wasimoff broker, speaking Wasimoff's provider protocol (WebSocket
 * {@code /api/provider/ws}, subprotocol {@code wasimoff_provider_v1_json}). It answers the broker's
 * file listing, probe and upload requests, announces one worker per vCPU with an
 * {@code Event.ProviderResources}, fetches binaries from {@code /api/storage/{ref}}, runs
 * {@code Task.Wasip1} requests with a {@link WasmEngine} (Chicory by default), honours {@code Task.Cancel} and answers {@code Ping}.
 * Where the task asks for a trace, it appends the provider-side events of Wasimoff's trace.
 * Arguments: {@code --broker http://host:port --workers N --name NAME [--engine chicory|wasmtime]}.
 */
public final class WasimoffProvider implements EmbeddableService {
    /** The subprotocol this provider speaks. */
    public static final String SUBPROTOCOL = "wasimoff_provider_v1_json";

    @Override
    public AutoCloseable start(List<String> args) {
        String broker = null;
        int workers = 0;
        String name = null;
        String engine = "chicory";
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--broker" -> broker = args.get(i + 1);
                case "--workers" -> workers = Integer.parseInt(args.get(i + 1));
                case "--name" -> name = args.get(i + 1);
                case "--engine" -> engine = args.get(i + 1);
                default -> throw new IllegalArgumentException("unknown argument " + args.get(i)
                        + "; expected --broker URL --workers N --name NAME [--engine chicory|wasmtime]");
            }
        }
        if (broker == null || workers <= 0 || name == null) {
            throw new IllegalArgumentException("expected --broker URL --workers N --name NAME, got " + args);
        }
        return new Session(broker, workers, name, WasmEngine.named(engine));
    }

    /** One connection to the broker with its worker pool; closing it disconnects and stops the workers. */
    private static final class Session extends ProviderConnection {
        private final Map<String, byte[]> files = new ConcurrentHashMap<>();
        private final AtomicLong events = new AtomicLong();

        Session(String broker, int workers, String name, WasmEngine engine) {
            super(broker, workers, name, engine);
            String url = broker.replaceFirst("^http", "ws") + "/api/provider/ws?id=" + name;
            connect(new Request.Builder().url(url)
                    .header("User-Agent", "wasimoff-eval provider (Java, " + engine.description() + ")")
                    .header("Sec-WebSocket-Protocol", SUBPROTOCOL).build());
        }

        @Override
        protected void opened(WebSocket webSocket, Response response) {
            String agreed = response.header("Sec-WebSocket-Protocol");
            if (!SUBPROTOCOL.equals(agreed)) {
                webSocket.close(1002, "expected subprotocol " + SUBPROTOCOL + ", broker chose " + agreed);
                return;
            }
            ObjectNode resources = Envelope.message("Event.ProviderResources");
            resources.put("concurrency", workers);
            resources.put("tasks", 0);
            socket().send(Envelope.event(events.incrementAndGet(), resources));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            Envelope e;
            try {
                e = Envelope.parse(text);
            } catch (IOException ex) {
                System.err.println("[" + name + "] unreadable frame from broker: " + ex.getMessage());
                return;
            }
            if (!"Request".equals(e.type())) {
                return; // events (cluster info, throughput) carry nothing a provider must act on
            }
            try {
                switch (e.messageName()) {
                    case "Task.Wasip1.Request" -> {
                        String id = e.payload().path("info").path("id").asText(Long.toString(e.sequence()));
                        submit(id, () -> runTask(e, id));
                    }
                    case "Task.Cancel" -> {
                        cancel(e.payload().path("id").asText());
                        socket().send(Envelope.response(e.sequence(), Envelope.message("Task.Cancel")));
                    }
                    case "Ping" -> socket().send(Envelope.response(e.sequence(), Envelope.message("Ping")));
                    case "Filesystem.Listing.Request" -> {
                        ObjectNode listing = Envelope.message("Filesystem.Listing.Response");
                        ArrayNode names = listing.putArray("files");
                        files.keySet().forEach(names::add);
                        socket().send(Envelope.response(e.sequence(), listing));
                    }
                    case "Filesystem.Probe.Request" -> {
                        ObjectNode probe = Envelope.message("Filesystem.Probe.Response");
                        probe.put("ok", files.containsKey(e.payload().path("file").asText()));
                        socket().send(Envelope.response(e.sequence(), probe));
                    }
                    case "Filesystem.Upload.Request" -> {
                        byte[] blob = Base64.getDecoder().decode(e.payload().path("upload").path("blob").asText(""));
                        String ref = ref(blob);
                        files.put(ref, blob);
                        ObjectNode uploaded = Envelope.message("Filesystem.Upload.Response");
                        uploaded.put("ref", ref);
                        socket().send(Envelope.response(e.sequence(), uploaded));
                    }
                    default -> socket().send(Envelope.errorResponse(e.sequence(),
                            "provider " + name + " does not support " + e.messageName()));
                }
            } catch (RuntimeException ex) {
                socket().send(Envelope.errorResponse(e.sequence(), "provider " + name + ": " + ex));
            }
        }

        private void runTask(Envelope e, String id) {
            ObjectNode request = e.payload();
            ObjectNode info = request.has("info") ? (ObjectNode) request.get("info").deepCopy()
                    : Envelope.JSON.createObjectNode();
            TraceEvents trace = new TraceEvents(info);
            trace.add("ProviderTaskReceived");
            ObjectNode response = Envelope.message("Task.Wasip1.Response");
            try {
                JsonNode params = request.path("params");
                String ref = params.path("binary").path("ref").asText("");
                trace.add("ProviderWorkerPrepare");
                if (!engine.has(ref)) {
                    engine.compile(ref, binary(params.path("binary"), ref));
                }
                List<String> argv = strings(params.path("args"));
                if (argv.isEmpty()) {
                    argv = List.of(ref);
                }
                byte[] stdin = params.hasNonNull("stdin") ? Base64.getDecoder().decode(params.get("stdin").asText()) : null;
                trace.add("ProviderWorkerExecute");
                WasmEngine.Result r = engine.run(ref, argv, strings(params.path("envs")), stdin);
                trace.add("ProviderWorkerDone");
                ObjectNode ok = response.putObject("ok");
                ok.put("status", r.exitCode());
                ok.put("stdout", Base64.getEncoder().encodeToString(r.stdout()));
                ok.put("stderr", Base64.getEncoder().encodeToString(r.stderr()));
            } catch (Exception | StackOverflowError ex) {
                response.put("error", "provider " + name + ": " + ex);
            }
            if (running.remove(id) == null) {
                return; // cancelled: the broker no longer waits for it
            }
            trace.add("ProviderTransmitResult");
            response.set("info", info);
            socket().send(Envelope.response(e.sequence(), response));
        }

        /** The module bytes: inline in the request, already held, or fetched from the broker's storage. */
        private byte[] binary(JsonNode file, String ref) throws IOException {
            if (file.hasNonNull("blob")) {
                return Base64.getDecoder().decode(file.get("blob").asText());
            }
            byte[] held = files.get(ref);
            if (held != null) {
                return held;
            }
            try (Response r = http.newCall(new Request.Builder().url(broker + "/api/storage/" + ref).build()).execute()) {
                if (!r.isSuccessful()) {
                    throw new IOException("binary " + ref + " not found in storage: HTTP " + r.code());
                }
                byte[] bytes = r.body().bytes();
                files.put(ref, bytes);
                ObjectNode update = Envelope.message("Event.FileSystemUpdate");
                update.putArray("added").add(ref);
                socket().send(Envelope.event(events.incrementAndGet(), update));
                return bytes;
            }
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(n -> out.add(n.asText()));
            return out;
        }

        private static String ref(byte[] blob) {
            try {
                return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
