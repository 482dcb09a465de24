package wasimoff.eval.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One TSP request through Wasimoff's client API as the tests send it: the program's arguments in
 * {@code X-Args}, the answer's body back, and the provider that served it ({@code X-Wasimoff-Provider})
 * added to a set the caller shares between threads.
 */
public final class TspCall {
    private TspCall() {
    }

    /** The POST of {@code args} to {@code system}'s run endpoint. */
    public static Request post(SystemUnderTest system, String args) {
        return new Request.Builder().url(system.request(8).url()).header("X-Args", args)
                .post(RequestBody.create(new byte[0])).build();
    }

    /** Sends {@code args}, adds the serving provider to {@code servedBy}, returns the stripped body. */
    public static String call(OkHttpClient http, SystemUnderTest system, String args, Set<String> servedBy) {
        try (Response response = http.newCall(post(system, args)).execute()) {
            synchronized (servedBy) {
                servedBy.add(response.header("X-Wasimoff-Provider"));
            }
            return response.body().string().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
