package wasimoff.eval.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One keep-alive HTTP/1.1 connection that carries one request at a time, like one Locust user's
 * session. It connects on first use and again after the server closed it or a request failed.
 * Everything runs on its event loop: {@link #send} and {@link #close} must be called there, and the
 * {@link Listener} is called there.
 *
 * <p>A request ends exactly once: with the full response, or with a failure (connection error,
 * closed by the server, timeout). A request that takes longer than the timeout, counted from
 * {@link #send}, fails and its connection is closed, since its answer can no longer be told apart.
 */
final class HttpConnection {
    /** Largest response body accepted. */
    private static final int MAX_BODY_BYTES = 64 << 20;
    /** Netty's native errors: {@code read(..) failed: Connection reset by peer}, {@code failed with error(-111)}. */
    private static final Pattern NATIVE_ERROR =
            Pattern.compile("\\(\\.\\.\\) failed(?:: ([^:]+)| with error\\(-?(\\d+)\\))");

    /** Told when the request in flight ended. */
    interface Listener {
        /**
         * @param dueNanos     the due time given to {@link #send}
         * @param writtenNanos when the request was written (when it was accepted, if it never was)
         * @param response     the full response, valid only during this call; null on failure
         * @param failure      why the request failed before a response, or null
         */
        void completed(HttpConnection connection, long dueNanos, long writtenNanos, long doneNanos,
                       FullHttpResponse response, String failure);
    }

    private final EventLoop loop;
    private final HttpTarget target;
    private final Bootstrap bootstrap;
    private final long timeoutNanos;
    private final String timeoutReason;
    private Channel channel;
    private ScheduledFuture<?> watchdog;
    private Listener listener;
    private long due;
    private long accepted;
    private long written;
    private long sequence;

    HttpConnection(EventLoop loop, Class<? extends SocketChannel> channelType, HttpTarget target, long timeoutMillis) {
        this.loop = loop;
        this.target = target;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.timeoutReason = "timeout after " + timeoutMillis + " ms";
        this.bootstrap = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ResponseDecoder(target.head()),
                                new HttpObjectAggregator(MAX_BODY_BYTES), new Handler());
                    }
                });
    }

    /**
     * Decodes a canned response through the same handlers once per JVM, so that loading their
     * classes does not land in the first measured response times.
     */
    static void warmUp() {
        EmbeddedChannel ch = new EmbeddedChannel(new ResponseDecoder(false), new HttpObjectAggregator(MAX_BODY_BYTES));
        ch.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                StandardCharsets.US_ASCII));
        FullHttpResponse r = ch.readInbound();
        if (r != null) {
            HttpUtil.isKeepAlive(r);
            r.content().toString(StandardCharsets.UTF_8);
            r.release();
        }
        ch.finishAndReleaseAll();
    }

    /** Sends the request now (connecting first if needed); {@code dueNanos} is when it was due. */
    void send(long dueNanos, Listener l) {
        if (listener != null) {
            throw new IllegalStateException("a request is already in flight on this connection");
        }
        listener = l;
        sequence++;
        due = dueNanos;
        accepted = System.nanoTime();
        written = accepted;
        if (channel != null && channel.isActive()) {
            write();
        } else {
            connect();
        }
    }

    /** True when the connection is open and idle, ready for the next request without connecting. */
    boolean reusable() {
        return listener == null && channel != null && channel.isActive();
    }

    /** Closes the connection; a request still in flight is not reported. */
    void close() {
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
        discard();
    }

    private void connect() {
        discard();
        if (watchdog == null) {
            long period = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                    Math.min(timeoutNanos / 10, TimeUnit.MILLISECONDS.toNanos(100)));
            watchdog = loop.scheduleAtFixedRate(this::watch, period, period, TimeUnit.NANOSECONDS);
        }
        ChannelFuture f = target.local() == null ? bootstrap.connect(target.remote())
                : bootstrap.connect(target.remote(), target.local());
        channel = f.channel();
        f.addListener(done -> {
            if (f.channel() != channel || listener == null) {
                return;
            }
            if (done.isSuccess()) {
                write();
            } else {
                // never synchronously: a listener that sends again must not recurse on a dead address
                discard();
                String failure = reason(done.cause());
                long request = sequence;
                loop.execute(() -> {
                    if (request == sequence) {
                        end(null, failure);
                    }
                });
            }
        });
    }

    private void write() {
        written = System.nanoTime();
        channel.writeAndFlush(target.request(), channel.voidPromise());
    }

    private void watch() {
        if (listener != null && System.nanoTime() - accepted > timeoutNanos) {
            discard();
            end(null, timeoutReason);
        }
    }

    private void discard() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private void end(FullHttpResponse response, String failure) {
        Listener l = listener;
        if (l == null) {
            return;
        }
        listener = null;
        l.completed(this, due, written, System.nanoTime(), response, failure);
    }

    /**
     * A stable failure reason, without addresses or ports: {@code connection error: connection
     * refused}, {@code connection error: Connection reset by peer} (the system's words), or the
     * exception's kind.
     */
    static String reason(Throwable t) {
        if (t instanceof ConnectTimeoutException) {
            return "connection error: connect timeout";
        }
        if (t instanceof java.net.ConnectException) {
            return "connection error: connection refused";
        }
        String m = t.getMessage() == null ? "" : t.getMessage();
        Matcher sys = NATIVE_ERROR.matcher(m);
        if (sys.find()) {
            return "connection error: " + (sys.group(1) != null ? sys.group(1).strip() : "errno " + sys.group(2));
        }
        int colon = m.indexOf(':');
        m = (colon >= 0 ? m.substring(0, colon) : m).strip();
        return "connection error: " + t.getClass().getSimpleName() + (m.isEmpty() ? "" : " (" + m + ")");
    }

    /** Reads the answers of this connection's current channel; events of a replaced channel are ignored. */
    private final class Handler extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
            if (ctx.channel() != channel || listener == null) {
                return;
            }
            String failure = r.decoderResult().isFailure() ? "invalid HTTP response: "
                    + r.decoderResult().cause().getClass().getSimpleName() : null;
            if (failure != null || !HttpUtil.isKeepAlive(r)) {
                discard();
            }
            end(r, failure);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (ctx.channel() != channel) {
                ctx.close();
                return;
            }
            discard();
            if (listener != null) {
                end(null, reason(cause));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() == channel) {
                channel = null;
                if (listener != null) {
                    end(null, "connection error: closed by server");
                }
            }
        }
    }

    /**
     * Netty's response decoder, told when the request was a HEAD (whose answer has no body). It does
     * not validate header names and values: a load generator reads what the target sent, and the
     * validation was the largest part of its CPU per request.
     */
    private static final class ResponseDecoder extends HttpResponseDecoder {
        private final boolean head;

        ResponseDecoder(boolean head) {
            super(new HttpDecoderConfig().setValidateHeaders(false));
            this.head = head;
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            return head || super.isContentAlwaysEmpty(msg);
        }
    }
}
