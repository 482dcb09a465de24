package wasimoff.eval.system.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import wasimoff.eval.testbed.EmbeddableService;

/**
 * The broker of the reference offloader. Its client API is Wasimoff's HTTP API (upload to
 * {@code /api/storage/upload}, run with {@code POST /api/client/run/{wasm}} and {@code X-Args},
 * {@code /healthz}, {@code /api/version}), so the same client code drives both; providers connect
 * to {@code /api/provider/ws} with the reference protocol of {@link ProviderMessage}. A client
 * always gets an answer: a result, an error, or a 504 after the task timeout.
 * Arguments: {@code --listen host:port [--task-timeout-seconds 120]}.
 */
public final class ReferenceBroker implements EmbeddableService {
    /** What {@code /api/version} reports, so a result can never be mistaken for Wasimoff's. */
    public static final String PACKAGE = "wasimoff-eval/reference-broker";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public AutoCloseable start(List<String> argList) {
        Args args = new Args(argList, List.of("listen", "task-timeout-seconds"));
        String[] listen = args.require("listen").split(":");
        Duration timeout = Duration.ofSeconds(Long.parseLong(args.get("task-timeout-seconds", "120")));
        TaskScheduler scheduler = new TaskScheduler();
        ModuleStorage storage = new ModuleStorage();
        AtomicLong ids = new AtomicLong();
        Map<WsContext, String> sessions = new ConcurrentHashMap<>();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = 64L * 1024 * 1024;
            config.jetty.modifyWebSocketServletFactory(ws -> ws.setIdleTimeout(Duration.ofMinutes(5)));
        });
        app.get("/healthz", ctx -> ctx.result("OK\n"));
        app.get("/api/version", ctx -> ctx.json(Map.of("package", PACKAGE, "revision", revision())));
        app.get("/api/providers", ctx -> ctx.json(Map.of(
                "connected", scheduler.connectedProviders(), "workers", scheduler.workers())));
        app.post("/api/storage/upload", ctx -> upload(ctx, storage));
        app.get("/api/storage/{file}", ctx -> {
            var file = storage.get(ctx.pathParam("file"));
            if (file.isEmpty()) {
                ctx.status(404).result("file not found\n");
            } else {
                ctx.contentType("application/wasm").result(file.get());
            }
        });
        app.post("/api/client/run/{wasm}", ctx -> run(ctx, scheduler, storage, ids, timeout));
        app.post("/api/client/wasimoff.v1.Tasks/RunWasip1", ctx -> runConnect(ctx, scheduler, storage, ids, timeout));
        app.ws("/api/provider/ws", ws -> {
            ws.onMessage(ctx -> {
                ProviderMessage m = JSON.readValue(ctx.message(), ProviderMessage.class);
                if ("hello".equals(m.type())) {
                    String sessionId = ctx.sessionId();
                    sessions.put(ctx, sessionId);
                    scheduler.connected(new ProviderSession(sessionId, m.name(), m.workers(), msg -> send(ctx, msg)));
                } else if ("result".equals(m.type())) {
                    scheduler.completed(ctx.sessionId(), m);
                }
            });
            ws.onClose(ctx -> scheduler.disconnected(ctx.sessionId()));
            ws.onError(ctx -> scheduler.disconnected(ctx.sessionId()));
        });
        app.start(listen[0], Integer.parseInt(listen[1]));
        return app::stop;
    }

    private static void upload(Context ctx, ModuleStorage storage) {
        byte[] body = ctx.bodyAsBytes();
        if (!ModuleStorage.isWasm(body) && !ModuleStorage.isZip(body)) {
            ctx.status(415).result("unsupported filetype\n");
            return;
        }
        ctx.result(storage.put(body, ctx.queryParam("name")) + "\n");
    }

    private static void run(Context ctx, TaskScheduler scheduler, ModuleStorage storage, AtomicLong ids,
                            Duration timeout) {
        String wasm = ctx.pathParam("wasm");
        List<String> argv = new ArrayList<>();
        argv.add(wasm);
        String header = ctx.header("X-Args");
        if (header != null) {
            try {
                argv.addAll(ShellWords.split(header));
            } catch (IllegalArgumentException e) {
                ctx.status(400).result("malformatted X-Args: " + e.getMessage() + "\n");
                return;
            }
        }
        var ref = storage.resolve(wasm);
        if (ref.isEmpty()) {
            ctx.status(500).result("Ref not found in storage\n");
            return;
        }
        List<String> envs = new ArrayList<>();
        ctx.headerMap().forEach((k, v) -> {
            if (k.regionMatches(true, 0, "X-Env-", 0, 6)) {
                envs.add(k.substring(6).toUpperCase(java.util.Locale.ROOT) + "=" + v);
            }
        });
        Task task = new Task(Long.toString(ids.incrementAndGet()), ref.get(), argv, envs, false);
        scheduler.submit(task);
        ctx.future(() -> task.outcome.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((o, e) -> {
            if (e != null) {
                scheduler.abandon(task);
                boolean timedOut = e instanceof TimeoutException || e.getCause() instanceof TimeoutException;
                ctx.status(timedOut ? 504 : 500)
                        .result(timedOut ? "task timed out after " + timeout.toSeconds() + " s\n" : e + "\n");
            } else if (o.status() == null && o.provider() == null) {
                ctx.status(500).result(o.error() + "\n");
            } else {
                ctx.header("X-Wasimoff-Provider", o.provider());
                if (o.error() != null) {
                    ctx.header("X-Wasimoff-Result", "Error").result(o.error());
                } else {
                    byte[] body = new byte[o.stderr().length + o.stdout().length];
                    System.arraycopy(o.stderr(), 0, body, 0, o.stderr().length);
                    System.arraycopy(o.stdout(), 0, body, o.stderr().length, o.stdout().length);
                    ctx.header("X-Wasimoff-Result", "Ok").header("X-Wasimoff-Status", o.status().toString())
                            .result(body);
                }
            }
            return null;
        }));
    }

    /**
     * Wasimoff's ConnectRPC {@code RunWasip1} in its JSON form, as far as the trace evaluation needs
     * it: binary ref, argv, envs, and {@code info.trace}, which turns on event recording; the response
     * carries {@code info.trace.events} with Wasimoff's event names.
     */
    private static void runConnect(Context ctx, TaskScheduler scheduler, ModuleStorage storage, AtomicLong ids,
                                   Duration timeout) throws IOException {
        var request = JSON.readTree(ctx.body());
        var params = request.path("params");
        boolean traced = request.path("info").has("trace");
        var ref = storage.resolve(params.path("binary").path("ref").asText(""));
        if (ref.isEmpty()) {
            ctx.status(500).json(Map.of("code", "unknown", "message", "Ref not found in storage"));
            return;
        }
        List<String> argv = new ArrayList<>();
        params.path("args").forEach(a -> argv.add(a.asText()));
        List<String> envs = new ArrayList<>();
        params.path("envs").forEach(e -> envs.add(e.asText()));
        Task task = new Task(Long.toString(ids.incrementAndGet()), ref.get(), argv, envs, traced);
        task.trace("BrokerReceivedClientRequest");
        scheduler.submit(task);
        ctx.future(() -> task.outcome.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((o, e) -> {
            if (e != null || (o.status() == null && o.provider() == null)) {
                scheduler.abandon(task);
                ctx.status(500).json(Map.of("code", "unknown", "message", e != null ? e.toString() : o.error()));
                return null;
            }
            task.trace("BrokerTransmitClientResponse");
            Map<String, Object> info = new java.util.LinkedHashMap<>();
            info.put("id", task.id);
            info.put("provider", o.provider());
            if (request.path("info").has("reference")) {
                info.put("reference", request.path("info").path("reference").asText());
            }
            if (traced) {
                List<Map<String, String>> events = new ArrayList<>();
                synchronized (task.trace) {
                    task.trace.stream().sorted(java.util.Comparator.comparingLong(wasimoff.eval.system.TraceEvent::unixnano))
                            .forEach(t -> events.add(Map.of("unixnano", Long.toString(t.unixnano()), "event", t.event())));
                }
                info.put("trace", Map.of("events", events));
            }
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            ctx.json(o.error() != null ? Map.of("info", info, "error", o.error())
                    : Map.of("info", info, "ok", Map.of("status", o.status(), "stdout", b64.encodeToString(o.stdout()),
                            "stderr", b64.encodeToString(o.stderr()))));
            return null;
        }));
    }

    private static void send(WsContext ctx, ProviderMessage message) {
        try {
            ctx.send(JSON.writeValueAsString(message));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String revision() {
        String v = ReferenceBroker.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
