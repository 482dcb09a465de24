// The part of @cliffy/flags (JSR only, not reachable here) that denoprovider/main.ts uses:
// parseFlags over its flag list (--name value, --name=value, -alias value, booleans) and ValidationError.
export class ValidationError extends Error {}

export interface FlagOptions {
  name: string;
  type?: "boolean" | "integer" | "number" | "string";
  aliases?: string[];
  default?: unknown;
  optionalValue?: boolean;
  value?: (v: any) => unknown;
}

export function parseFlags(args: string[], opts: { flags: FlagOptions[] }): { flags: Record<string, any> } {
  const byName = new Map<string, FlagOptions>();
  for (const f of opts.flags) {
    byName.set(f.name, f);
    for (const a of f.aliases ?? []) byName.set(a, f);
  }
  const flags: Record<string, any> = {};
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(args[i]);
    const f = m ? byName.get(m[1]) : undefined;
    if (!m || !f) throw new ValidationError(`Unknown option "${args[i]}".`);
    let raw: string | undefined = m[2];
    if (raw === undefined && f.type === "boolean") {
      if (["true", "false"].includes(args[i + 1])) raw = args[++i];
    } else if (raw === undefined) {
      if (i + 1 >= args.length) throw new ValidationError(`Missing value for option "--${f.name}".`);
      raw = args[++i];
    }
    let v: unknown = raw;
    if (f.type === "boolean") v = raw === undefined ? true : raw === "true";
    if (f.type === "integer" || f.type === "number") {
      v = f.type === "integer" ? Number.parseInt(raw!, 10) : Number(raw);
      if (Number.isNaN(v)) throw new ValidationError(`Option "--${f.name}" must be of type "${f.type}", but got "${raw}".`);
    }
    flags[f.name] = f.value ? f.value(v) : v;
  }
  for (const f of opts.flags) {
    if (!(f.name in flags) && f.default !== undefined) flags[f.name] = f.default;
  }
  return { flags };
}
