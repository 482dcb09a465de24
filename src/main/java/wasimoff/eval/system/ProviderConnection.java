package wasimoff.eval.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import wasimoff.eval.system.engine.WasmEngine;
import wasimoff.eval.system.reference.Workers;

/**
 * What our providers share, whatever protocol they speak: a WebSocket to the broker, a pool of one
 * worker per vCPU, a WebAssembly engine, and the tasks now running (registered before they start,
 * so a fast task always finds itself). A connection that ends while the provider is not closing
 * (the broker died or restarted, the network broke) is opened again, 100 ms doubling to 2 s after
 * each failed attempt, as a provider daemon would; tasks of the lost connection are cancelled, since
 * their results have nowhere to go. Closing disconnects, stops the workers and the HTTP client.
 */
public abstract class ProviderConnection extends WebSocketListener implements AutoCloseable {
    protected final String broker;
    protected final int workers;
    protected final String name;
    protected final WasmEngine engine;
    protected final OkHttpClient http = new OkHttpClient.Builder().pingInterval(5, TimeUnit.SECONDS).build();
    protected final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 2000;
    private final java.util.concurrent.ScheduledExecutorService retries =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "provider-reconnect");
                t.setDaemon(true);
                return t;
            });
    private volatile WebSocket socket;
    private volatile Request request;
    private volatile boolean closing;
    private long retryMillis;

    protected ProviderConnection(String broker, int workers, String name, WasmEngine engine) {
        this.broker = broker;
        this.workers = workers;
        this.name = name;
        this.engine = engine;
        this.pool = Workers.pool(name, workers);
    }

    /** Opens the WebSocket; call once, at the end of the subclass's constructor. */
    protected final void connect(Request request) {
        this.request = request;
        WebSocket ws = http.newWebSocket(request, this);
        if (socket == null) {
            socket = ws;
        }
    }

    @Override
    public final void onOpen(WebSocket webSocket, Response response) {
        socket = webSocket; // callbacks may run before connect() has returned
        synchronized (this) {
            retryMillis = 0;
        }
        opened(webSocket, response);
    }

    /** The broker accepted the connection: announce the provider. */
    protected abstract void opened(WebSocket webSocket, Response response);

    protected final WebSocket socket() {
        return socket;
    }

    /** Runs {@code work} for task {@code id} on a worker; it is in {@link #running} before it starts. */
    protected final void submit(String id, Runnable work) {
        FutureTask<Void> task = new FutureTask<>(work, null);
        running.put(id, task);
        pool.execute(task);
    }

    /** Cancels task {@code id} if it is still running. */
    protected final void cancel(String id) {
        Future<?> f = running.remove(id);
        if (f != null) {
            f.cancel(true);
        }
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        if (closing) {
            return; // the broker closing the stream as we leave is no failure
        }
        System.err.println("[" + name + "] connection to " + broker + " failed: " + t
                + (response != null ? " (HTTP " + response.code() + ")" : ""));
        reconnect(webSocket);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        if (!closing) {
            System.err.println("[" + name + "] the broker closed the connection (" + code + " " + reason + ")");
            reconnect(webSocket);
        }
    }

    /** Schedules a new connection after {@code lost} ended, unless a newer one exists or the provider is closing. */
    private synchronized void reconnect(WebSocket lost) {
        if (closing || (socket != lost && socket != null)) {
            return;
        }
        running.keySet().forEach(this::cancel);
        retryMillis = retryMillis == 0 ? FIRST_RETRY_MILLIS : Math.min(MAX_RETRY_MILLIS, 2 * retryMillis);
        retries.schedule(() -> {
            if (!closing) {
                socket = http.newWebSocket(request, this);
            }
        }, retryMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closing = true;
        retries.shutdownNow();
        socket.close(1001, "provider stopping");
        pool.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
