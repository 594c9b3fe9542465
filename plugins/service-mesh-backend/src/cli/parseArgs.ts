import { UsageError } from './assess';

/** How many values an option takes: exactly one, zero or one, one or more. */
export type Arity = 'one' | 'optional' | 'many';

/**
 * Parses `--name value…` options: values run until the next `--option`. Unknown options, missing
 * values and repeated single options are usage errors.
 */
export function parseArgs(args: string[], spec: Record<string, Arity>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current: string | undefined;
  for (const arg of args) {
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (!(name in spec)) throw new UsageError(`unknown option "${arg}"`);
      if (name in out && spec[name] !== 'many') throw new UsageError(`${arg} given twice`);
      out[name] ??= [];
      current = name;
      continue;
    }
    if (!current) throw new UsageError(`unexpected argument "${arg}"`);
    if (spec[current] !== 'many' && out[current].length === 1) throw new UsageError(`--${current} takes one value, "${arg}" is extra`);
    out[current].push(arg);
  }
  for (const [name, values] of Object.entries(out)) {
    if (values.length === 0 && spec[name] !== 'optional') throw new UsageError(`--${name} needs a value`);
  }
  return out;
}
