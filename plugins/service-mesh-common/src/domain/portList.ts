/**
 * Ports of a Linkerd port-list annotation (`25,587,4222-4223,client`), read the way linkerd2's
 * `pkg/util/parsing.go` reads them: parts trimmed, a trailing comma ignored, a name in `named`
 * first, else a `lower-upper` range or a single port; invalid parts are skipped.
 */
export function parsePortList(value: string | undefined, named: Record<string, number> = {}): Set<number> {
  const out = new Set<number>();
  for (const part of (value ?? '').replace(/,$/, '').split(',').map(p => p.trim())) {
    if (named[part] !== undefined) {
      out.add(named[part]);
      continue;
    }
    const bounds = part.split('-');
    if (bounds.length > 2 || !bounds.every(b => /^\d+$/.test(b))) continue;
    const [lower, upper] = [Number(bounds[0]), Number(bounds[bounds.length - 1])];
    if (upper > 65535 || upper < lower) continue;
    for (let p = lower; p <= upper; p++) out.add(p);
  }
  return out;
}
