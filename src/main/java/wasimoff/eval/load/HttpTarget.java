package wasimoff.eval.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Where and what a run sends: the resolved server address, the local address to bind, and the
 * request encoded once into bytes (Netty's own encoder), so that each send only writes a view of
 * the same buffer, as wrk does with its pre-formatted request.
 */
final class HttpTarget implements AutoCloseable {
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final ByteBuf encoded;
    private final ByteBuf request;
    private final boolean head;

    private HttpTarget(InetSocketAddress remote, InetSocketAddress local, ByteBuf encoded, boolean head) {
        this.remote = remote;
        this.local = local;
        this.encoded = encoded;
        this.request = Unpooled.unreleasableBuffer(encoded);
        this.head = head;
    }

    static HttpTarget of(RunSpec spec) throws UnknownHostException {
        RunSpec.HttpRequestTemplate t = spec.request();
        URI uri = URI.create(t.url());
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the load generator speaks plain HTTP/1.1, not " + uri.getScheme()
                    + ": " + t.url());
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(uri.getHost()), port);
        InetSocketAddress local = spec.bindAddress() == null ? null
                : new InetSocketAddress(InetAddress.getByName(spec.bindAddress()), 0);
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = t.body().getBytes(StandardCharsets.UTF_8);
        HttpMethod method = HttpMethod.valueOf(t.method());
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target,
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.HOST, uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + port);
        r.headers().set(HttpHeaderNames.USER_AGENT, "wasimoff-eval");
        t.headers().forEach(r.headers()::set);
        if (body.length > 0 || !(method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))) {
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        return new HttpTarget(remote, local, encode(r), method.equals(HttpMethod.HEAD));
    }

    private static ByteBuf encode(FullHttpRequest r) {
        EmbeddedChannel encoder = new EmbeddedChannel(new HttpRequestEncoder());
        encoder.writeOutbound(r);
        ByteBuf bytes = Unpooled.directBuffer();
        for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
            bytes.writeBytes(part);
            part.release();
        }
        encoder.finishAndReleaseAll();
        return bytes;
    }

    InetSocketAddress remote() {
        return remote;
    }

    /** The local address to bind, or null for any. */
    InetSocketAddress local() {
        return local;
    }

    /** A fresh view of the encoded request; writing it releases nothing. */
    ByteBuf request() {
        return request.duplicate();
    }

    /** A HEAD request's response has no body, whatever its Content-Length says. */
    boolean head() {
        return head;
    }

    /** Frees the encoded request; call when no connection writes it any more. */
    @Override
    public void close() {
        encoded.release();
    }
}
