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
import io.netty.util.Version;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's threads: a few Netty event loops (native epoll where available, NIO
 * otherwise) that own all connections of one run, created per run and shut down after it.
 */
final class EventLoops implements AutoCloseable {
    private final EventLoopGroup group;
    private final boolean epoll;
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<Long> threadIds = new ArrayList<>();

    EventLoops(int threads) throws InterruptedException {
        epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("load-loop", true), io);
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
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** For example {@code netty 4.2.18.Final epoll, 1 event loop}. */
    String description() {
        Version v = Version.identify().get("netty-transport");
        return "netty " + (v == null ? "?" : v.artifactVersion()) + (epoll ? " epoll, " : " nio, ") + loops.size()
                + (loops.size() == 1 ? " event loop" : " event loops");
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
