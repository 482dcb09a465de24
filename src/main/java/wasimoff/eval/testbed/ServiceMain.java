package wasimoff.eval.testbed;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one {@link EmbeddableService} as a process of its own:
 * {@code java -cp harness.jar wasimoff.eval.testbed.ServiceMain <class> [args...]}. The service is
 * stopped on SIGTERM through a shutdown hook.
 */
public final class ServiceMain {
    private ServiceMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ServiceMain <service class> [args...]");
            System.exit(2);
        }
        Class<?> type = Class.forName(args[0]);
        EmbeddableService service = (EmbeddableService) type.getDeclaredConstructor().newInstance();
        AutoCloseable handle = service.start(Arrays.asList(args).subList(1, args.length));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                handle.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
