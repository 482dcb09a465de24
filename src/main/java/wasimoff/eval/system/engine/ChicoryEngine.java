package wasimoff.eval.system.engine;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs WASI preview1 command modules with Chicory in compiled mode: each module is parsed and
 * compiled to JVM bytecode once per binary (keyed by its storage ref) and instantiated afresh for
 * every task, so tasks share no state.
 */
public final class ChicoryEngine implements WasmEngine {
    private final Map<String, CompiledModule> modules = new ConcurrentHashMap<>();

    @Override
    public String description() {
        return WasmEngine.describe("chicory");
    }

    private record CompiledModule(WasmModule module, Function<Instance, Machine> machines) {
    }

    @Override
    public boolean has(String ref) {
        return modules.containsKey(ref);
    }

    @Override
    public void compile(String ref, byte[] wasm) {
        modules.computeIfAbsent(ref, r -> {
            WasmModule module = Parser.parse(wasm);
            return new CompiledModule(module, MachineFactoryCompiler.compile(module));
        });
    }

    @Override
    public Result run(String ref, List<String> argv, List<String> envs, byte[] stdin) {
        CompiledModule compiled = modules.get(ref);
        if (compiled == null) {
            throw new IllegalStateException("module " + ref + " is not compiled");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiOptions.Builder options = WasiOptions.builder()
                .withArguments(argv)
                .withStdout(out)
                .withStderr(err)
                .withStdin(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
        for (String env : envs) {
            int eq = env.indexOf('=');
            if (eq > 0) {
                options.withEnvironment(env.substring(0, eq), env.substring(eq + 1));
            }
        }
        int exit = 0;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options.build()).build()) {
            Instance instance = Instance.builder(compiled.module())
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withMachineFactory(compiled.machines())
                    .withStart(false)
                    .build();
            instance.export("_start").apply();
        } catch (WasiExitException e) {
            exit = e.exitCode();
        }
        return new Result(exit, out.toByteArray(), err.toByteArray());
    }
}
