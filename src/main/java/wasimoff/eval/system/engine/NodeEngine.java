package wasimoff.eval.system.engine;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs modules with Node.js's built-in {@code node:wasi}, one {@code node} process per task, the
 * way a Deno or browser provider runs them on V8. Each task pays Node's start-up and the module's
 * compilation (about 70 ms here), which the binary-formats evaluation measures; {@code node} must
 * be on the PATH.
 */
public final class NodeEngine implements WasmEngine {
    /** A small WASI runner written to a temporary file once: node runner.mjs module.wasm args... */
    private static final String RUNNER = String.join("\n",
            "import { readFile } from 'node:fs/promises';",
            "import { WASI } from 'node:wasi';",
            "import { argv, exit, env } from 'node:process';",
            "const wasi = new WASI({ version: 'preview1', args: argv.slice(3),",
            "  env: JSON.parse(env.WASI_ENV || '{}'), returnOnExit: true });",
            "const module = await WebAssembly.compile(await readFile(argv[2]));",
            "exit(wasi.start(await WebAssembly.instantiate(module, wasi.getImportObject())));",
            "");

    private final Map<String, Path> modules = new ConcurrentHashMap<>();
    private final Path dir;

    public NodeEngine() {
        try {
            dir = Files.createTempDirectory("node-engine");
            dir.toFile().deleteOnExit();
            Files.writeString(dir.resolve("runner.mjs"), RUNNER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String description() {
        return WasmEngine.describe("node");
    }

    @Override
    public boolean has(String ref) {
        return modules.containsKey(ref);
    }

    @Override
    public void compile(String ref, byte[] wasm) {
        modules.computeIfAbsent(ref, r -> {
            try {
                Path file = dir.resolve(Integer.toHexString(r.hashCode()) + "-" + modules.size() + ".wasm");
                Files.write(file, wasm);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Result run(String ref, List<String> argv, List<String> envs, byte[] stdin) throws Exception {
        Path module = modules.get(ref);
        if (module == null) {
            throw new IllegalStateException("module " + ref + " is not compiled");
        }
        List<String> command = new ArrayList<>(List.of("node", "--no-warnings", dir.resolve("runner.mjs").toString(),
                module.toString()));
        command.addAll(argv);
        StringBuilder json = new StringBuilder("{");
        for (String env : envs) {
            int eq = env.indexOf('=');
            if (eq > 0) {
                json.append(json.length() > 1 ? "," : "").append('"').append(env, 0, eq).append("\":\"")
                        .append(env.substring(eq + 1).replace("\"", "\\\"")).append('"');
            }
        }
        Process p = ChildEnvironment.base().with("WASI_ENV", json.append('}').toString()).command(command).start();
        p.getOutputStream().write(stdin == null ? new byte[0] : stdin);
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("node did not finish within 10 minutes");
        }
        return new Result(p.exitValue(), out, err.get());
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
