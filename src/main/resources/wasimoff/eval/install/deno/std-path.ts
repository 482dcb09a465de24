// jsr:@std/path is on JSR only (not reachable here); fs_denonative.ts uses join, which node:path has.
export { join } from "node:path";
