package wasimoff.eval.load;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.Version;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's threads: a few Netty event loops that own all connections of one run,
 * created per run and shut down after it. The transport is the first available of io_uring
 * (submissions batched, fewest system calls per request), epoll and NIO; the system property
 * {@value #TRANSPORT_PROPERTY} ({@code io_uring}, {@code epoll} or {@code nio}) picks one.
 */
final class EventLoops implements AutoCloseable {
    /** System property that names the transport. */
    static final String TRANSPORT_PROPERTY = wasimoff.eval.settings.Settings.LOAD_TRANSPORT.key();

    /** A Netty transport: how the event loops talk to the kernel. */
    enum Transport {
        IO_URING, EPOLL, NIO;

        static Transport choose(String wanted) {
            if (wanted != null && !wanted.isBlank()) {
                Transport t = valueOf(wanted.strip().toUpperCase(Locale.ROOT));
                if (!t.available()) {
                    throw new IllegalStateException("transport " + wanted + " is not available here");
                }
                return t;
            }
            return IO_URING.available() ? IO_URING : EPOLL.available() ? EPOLL : NIO;
        }

        boolean available() {
            return switch (this) {
                case IO_URING -> IoUring.isAvailable();
                case EPOLL -> Epoll.isAvailable();
                case NIO -> true;
            };
        }

        IoHandlerFactory ioHandler() {
            return switch (this) {
                case IO_URING -> IoUringIoHandler.newFactory();
                case EPOLL -> EpollIoHandler.newFactory();
                case NIO -> NioIoHandler.newFactory();
            };
        }

        Class<? extends SocketChannel> channelType() {
            return switch (this) {
                case IO_URING -> IoUringSocketChannel.class;
                case EPOLL -> EpollSocketChannel.class;
                case NIO -> NioSocketChannel.class;
            };
        }
    }

    private final EventLoopGroup group;
    private final Transport transport;
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<Long> threadIds = new ArrayList<>();

    EventLoops(int threads) throws InterruptedException {
        transport = Transport.choose(System.getProperty(TRANSPORT_PROPERTY));
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("load-loop", true),
                transport.ioHandler());
        for (EventExecutor e : group) {
            loops.add((EventLoop) e);
            try {
                threadIds.add(e.submit(() -> Thread.currentThread().getId()).get());
            } catch (ExecutionException ex) {
                throw new IllegalStateException("event loop did not start", ex);
            }
        }
    }

    List<EventLoop> loops() {
        return loops;
    }

    /** Ids of the event-loop threads, for CPU accounting. */
    List<Long> threadIds() {
        return threadIds;
    }

    Class<? extends SocketChannel> channelType() {
        return transport.channelType();
    }

    /** For example {@code netty 4.2.18.Final io_uring, 1 event loop}. */
    String description() {
        Version v = Version.identify().get("netty-transport");
        return "netty " + (v == null ? "?" : v.artifactVersion()) + " " + transport.name().toLowerCase(Locale.ROOT)
                + ", " + loops.size() + (loops.size() == 1 ? " event loop" : " event loops");
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
