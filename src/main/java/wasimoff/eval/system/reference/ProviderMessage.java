package wasimoff.eval.system.reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One JSON frame on the WebSocket between the reference broker and a reference provider. The
 * {@code type} says which fields are set:
 * <ul>
 *   <li>{@code hello} (provider to broker): {@code name}, {@code workers};</li>
 *   <li>{@code task} (broker to provider): {@code id}, {@code binary} (storage ref), {@code args}
 *       (argv including the program name), {@code envs}, {@code trace} when the client asked for one;</li>
 *   <li>{@code result} (provider to broker): {@code id} and either {@code status}, {@code stdout},
 *       {@code stderr} (base64) or {@code error}; with a trace, the provider's {@code events};</li>
 *   <li>{@code cancel} (broker to provider): {@code id}.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderMessage(
        String type,
        String id,
        String name,
        Integer workers,
        String binary,
        List<String> args,
        List<String> envs,
        Integer status,
        String stdout,
        String stderr,
        String error,
        Boolean trace,
        List<wasimoff.eval.system.TraceEvent> events) {

    static ProviderMessage hello(String name, int workers) {
        return new ProviderMessage("hello", null, name, workers, null, null, null, null, null, null, null, null, null);
    }

    static ProviderMessage task(String id, String binary, List<String> args, List<String> envs, boolean trace) {
        return new ProviderMessage("task", id, null, null, binary, args, envs, null, null, null, null,
                trace ? Boolean.TRUE : null, null);
    }

    static ProviderMessage result(String id, int status, String stdout, String stderr,
                                  List<wasimoff.eval.system.TraceEvent> events) {
        return new ProviderMessage("result", id, null, null, null, null, null, status, stdout, stderr, null, null,
                events);
    }

    static ProviderMessage failed(String id, String error, List<wasimoff.eval.system.TraceEvent> events) {
        return new ProviderMessage("result", id, null, null, null, null, null, null, null, null, error, null, events);
    }

    static ProviderMessage cancel(String id) {
        return new ProviderMessage("cancel", id, null, null, null, null, null, null, null, null, null, null, null);
    }
}
