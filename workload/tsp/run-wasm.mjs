// Runs a WASI preview1 command module with Node's built-in WASI:
//   node --no-warnings run-wasm.mjs tsp.wasm rand 8 42
//   node --no-warnings run-wasm.mjs --dir /tmp tsp.wasm serverledge   (preopens DIR and passes
//       PARAMS_FILE and RESULT_FILE through, which must then be absolute paths under DIR)
// The module's exit status becomes this process's exit status.
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";
import { argv, env, exit } from "node:process";

let args = argv.slice(2);
const preopens = {};
const passEnv = {};
if (args[0] === "--dir" && args.length >= 2) {
  preopens[args[1]] = args[1];
  for (const name of ["PARAMS_FILE", "RESULT_FILE"]) if (env[name] !== undefined) passEnv[name] = env[name];
  args = args.slice(2);
}
if (args.length < 1) {
  console.error("usage: node run-wasm.mjs [--dir DIR] MODULE.wasm [ARGS...]");
  exit(2);
}
const wasi = new WASI({ version: "preview1", args: ["tsp", ...args.slice(1)], env: passEnv, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(args[0]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
