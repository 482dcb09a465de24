package wasimoff.eval.system.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import wasimoff.eval.system.ProviderConnection;
import wasimoff.eval.system.TraceEvent;
import wasimoff.eval.system.engine.WasmEngine;
import wasimoff.eval.testbed.EmbeddableService;

/**
 * A provider of the reference offloader: connects to the reference broker's WebSocket, announces
 * one worker per vCPU, fetches binaries from the broker's storage, runs tasks with
 * a {@link WasmEngine} (Chicory by default) in a pool of that many workers and sends back exit code and output.
 * Arguments: {@code --broker http://host:port --workers N --name NAME [--engine chicory|wasmtime]}.
 */
public final class ReferenceProvider implements EmbeddableService {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public AutoCloseable start(List<String> argList) {
        Args args = new Args(argList, List.of("broker", "workers", "name", "engine"));
        return new Connection(args.require("broker"), Integer.parseInt(args.require("workers")),
                args.require("name"), WasmEngine.named(args.get("engine", "chicory")));
    }

    /** One provider's connection and worker pool; closing it disconnects and stops the workers. */
    private static final class Connection extends ProviderConnection {
        Connection(String broker, int workers, String name, WasmEngine engine) {
            super(broker, workers, name, engine);
            String ws = broker.replaceFirst("^http", "ws") + "/api/provider/ws";
            connect(new Request.Builder().url(ws).header("User-Agent", "wasimoff-eval reference provider").build());
        }

        @Override
        protected void opened(WebSocket webSocket, Response response) {
            send(ProviderMessage.hello(name, workers));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            try {
                ProviderMessage m = JSON.readValue(text, ProviderMessage.class);
                switch (m.type()) {
                    case "task" -> {
                        List<TraceEvent> events = Boolean.TRUE.equals(m.trace())
                                ? java.util.Collections.synchronizedList(new java.util.ArrayList<>()) : null;
                        mark(events, "ProviderTaskReceived");
                        submit(m.id(), () -> runTask(m, events));
                    }
                    case "cancel" -> cancel(m.id());
                    default -> System.err.println("[" + name + "] ignoring message type " + m.type());
                }
            } catch (IOException e) {
                System.err.println("[" + name + "] bad message from broker: " + e.getMessage());
            }
        }

        private void runTask(ProviderMessage task, List<TraceEvent> events) {
            ProviderMessage reply;
            mark(events, "ProviderGetWorker");
            try {
                mark(events, "ProviderWorkerPrepare");
                if (!engine.has(task.binary())) {
                    engine.compile(task.binary(), fetch(task.binary()));
                }
                mark(events, "ProviderWorkerExecute");
                WasmEngine.Result r = engine.run(task.binary(), task.args(),
                        task.envs() == null ? List.of() : task.envs(), null);
                mark(events, "ProviderWorkerDone");
                Base64.Encoder b64 = Base64.getEncoder();
                mark(events, "ProviderTransmitResult");
                reply = ProviderMessage.result(task.id(), r.exitCode(), b64.encodeToString(r.stdout()),
                        b64.encodeToString(r.stderr()), events);
            } catch (Exception | StackOverflowError e) {
                reply = ProviderMessage.failed(task.id(), "provider " + name + ": " + e, events);
            }
            if (running.remove(task.id()) != null) {
                send(reply);
            }
        }

        private static void mark(List<TraceEvent> events, String event) {
            if (events != null) {
                events.add(TraceEvent.now(event));
            }
        }

        private byte[] fetch(String ref) throws IOException {
            Request request = new Request.Builder().url(broker + "/api/storage/" + ref).build();
            try (Response r = http.newCall(request).execute()) {
                if (!r.isSuccessful()) {
                    throw new IOException("fetching " + ref + " from the broker: HTTP " + r.code());
                }
                return r.body().bytes();
            }
        }

        private void send(ProviderMessage m) {
            try {
                socket().send(JSON.writeValueAsString(m));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
