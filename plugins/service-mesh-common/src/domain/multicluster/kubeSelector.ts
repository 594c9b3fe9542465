import { LabelRequirement, parseLabelSelector } from '../labelSelector';

/** A Kubernetes `LabelSelector` object (`matchLabels`, `matchExpressions`). */
export interface KubeLabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

const OPS: Record<string, 'in' | 'notin' | 'exists' | 'notexists'> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: 'notexists' };

/** The requirements of a selector object; undefined when absent or when an operator is unknown. */
export function selectorRequirements(sel: KubeLabelSelector | undefined): LabelRequirement[] | undefined {
  if (!sel || typeof sel !== 'object') return undefined;
  const out: LabelRequirement[] = Object.entries(sel.matchLabels ?? {}).map(([key, v]) => ({ key, op: 'in' as const, values: [String(v)] }));
  for (const e of sel.matchExpressions ?? []) {
    const op = OPS[e.operator];
    if (!op) return undefined;
    out.push(op === 'in' || op === 'notin' ? { key: e.key, op, values: e.values ?? [] } : { key: e.key, op });
  }
  return out;
}

/** A selector object written the way `kubectl --selector` reads it (`a=b,c in (d)`). */
export function selectorText(sel: KubeLabelSelector | undefined): string | undefined {
  const reqs = selectorRequirements(sel);
  if (!reqs) return undefined;
  return reqs.map(r => {
    if (r.op === 'exists') return r.key;
    if (r.op === 'notexists') return `!${r.key}`;
    if (!('values' in r)) return r.key;
    if (r.values.length === 1) return `${r.key}${r.op === 'in' ? '=' : '!='}${r.values[0]}`;
    return `${r.key} ${r.op} (${r.values.join(',')})`;
  }).join(',');
}

/** The requirements of a Link selector, else of the default selector text. */
export function linkSelector(sel: KubeLabelSelector | undefined, fallback: string): LabelRequirement[] {
  return selectorRequirements(sel) ?? parseLabelSelector(fallback);
}
