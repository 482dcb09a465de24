package wasimoff.eval.system.engine;

import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Linker;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.WasmFunctionError;
import io.github.kawamuray.wasmtime.wasi.WasiCtx;
import io.github.kawamuray.wasmtime.wasi.WasiCtxBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs modules with wasmtime through wasmtime-java, whose jar carries wasmtime's native library:
 * near-native speed, as Wasimoff's own engines (V8 in Deno and browsers) have. WASI stdio in
 * wasmtime-java goes to files only, so every task writes its output to temporary files that are
 * read back and deleted. Its stdin cannot be fed: wasmtime-java 0.19 opens the stdin path with
 * Rust's {@code File::create}, write-only and truncated (kawamuray/wasmtime-java#54), so a run
 * with input is refused rather than given an empty stdin.
 */
public final class WasmtimeEngine implements WasmEngine {
    private final Engine engine = new Engine();
    private final Map<String, io.github.kawamuray.wasmtime.Module> modules = new ConcurrentHashMap<>();

    @Override
    public String description() {
        return WasmEngine.describe("wasmtime");
    }

    @Override
    public boolean has(String ref) {
        return modules.containsKey(ref);
    }

    @Override
    public void compile(String ref, byte[] wasm) {
        modules.computeIfAbsent(ref, r -> io.github.kawamuray.wasmtime.Module.fromBinary(engine, wasm));
    }

    @Override
    public Result run(String ref, List<String> argv, List<String> envs, byte[] stdin) throws IOException {
        io.github.kawamuray.wasmtime.Module module = modules.get(ref);
        if (module == null) {
            throw new IllegalStateException("module " + ref + " is not compiled");
        }
        if (stdin != null && stdin.length > 0) {
            throw new UnsupportedOperationException("wasmtime-java 0.19 cannot give a module stdin (it opens the"
                    + " stdin file write-only and truncates it); use chicory or node for programs that read stdin");
        }
        Path in = Files.createTempFile("wasmtime-stdin", "");
        Path out = Files.createTempFile("wasmtime-stdout", "");
        Path err = Files.createTempFile("wasmtime-stderr", "");
        try {
            WasiCtxBuilder wasi = new WasiCtxBuilder().args(argv).stdin(in).stdout(out).stderr(err);
            for (String env : envs) {
                int eq = env.indexOf('=');
                if (eq > 0) {
                    wasi.env(env.substring(0, eq), env.substring(eq + 1));
                }
            }
            int exit = 0;
            Store<Void> store = new Store<>(null, engine, wasi.build());
            Linker linker = new Linker(engine);
            try {
                WasiCtx.addToLinker(linker);
                linker.module(store, "", module);
                linker.get(store, "", "_start").orElseThrow().func().call(store);
            } catch (WasmFunctionError.I32ExitError e) {
                exit = e.exitCode();
            } finally {
                linker.dispose();
                store.dispose();
            }
            return new Result(exit, Files.readAllBytes(out), Files.readAllBytes(err));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
