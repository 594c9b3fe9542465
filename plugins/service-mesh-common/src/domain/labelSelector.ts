/** One requirement of a Kubernetes label selector. */
export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function checked(key: string, values: string[] = []): void {
  if (!KEY.test(key) || key.length > 317) throw new Error(`invalid label key "${key}"`);
  for (const v of values) {
    if (!VALUE.test(v) || v.length > 63) throw new Error(`invalid label value "${v}"`);
  }
}

function parseOne(term: string): LabelRequirement {
  const set = term.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/);
  if (set) {
    const values = set[3].split(',').map(v => v.trim());
    checked(set[1], values);
    return { key: set[1], op: set[2] as 'in' | 'notin', values };
  }
  const eq = term.match(/^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/);
  if (eq) {
    checked(eq[1], [eq[3]]);
    return { key: eq[1], op: eq[2] === '!=' ? 'notin' : 'in', values: [eq[3]] };
  }
  const exists = term.match(/^(!?)\s*(\S+)$/);
  if (exists) {
    checked(exists[2]);
    return { key: exists[2], op: exists[1] ? 'notexists' : 'exists' };
  }
  throw new Error(`cannot parse "${term}"`);
}

/**
 * Parses a label selector in the syntax `kubectl --selector` accepts
 * (`a=b,c!=d,e in (f,g),h notin (i),j,!k`). Throws an Error naming the bad term.
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const terms = splitTopLevel(selector);
  if (terms.length === 0) throw new Error('empty label selector');
  return terms.map(parseOne);
}

/** Whether a set of labels satisfies every requirement. */
export function matchesLabels(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      default:
        return false;
    }
  });
}
