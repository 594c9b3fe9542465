/**
 * A scalar at `path` in Helm values rendered as YAML block mappings (the `values` of
 * `linkerd-config`): `helmValue(values, ['proxy', 'nativeSidecar'])`. Flow style and anchors are
 * not read; the chart renders neither for these keys.
 */
export function helmValue(values: string | undefined, path: string[]): string | undefined {
  let parentIndent = -1;
  let childIndent: number | undefined;
  let depth = 0;
  for (const line of (values ?? '').split('\n')) {
    const m = /^( *)([^\s:#][^:]*):(?:\s+(.*?))?\s*$/.exec(line);
    if (!m) continue;
    const here = m[1].length;
    if (depth > 0) {
      if (here <= parentIndent) return undefined;
      childIndent ??= here;
      if (here !== childIndent) continue;
    } else if (here !== 0) continue;
    if (m[2] !== path[depth]) continue;
    if (depth === path.length - 1) return (m[3] ?? '').replace(/^["']|["']$/g, '');
    parentIndent = here;
    childIndent = undefined;
    depth++;
  }
  return undefined;
}
