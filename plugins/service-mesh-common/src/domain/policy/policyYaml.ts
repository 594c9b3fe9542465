/** A document to render: the object, comment lines above it, comments after list items by value. */
export interface CommentedDocument {
  doc: Record<string, unknown>;
  comments: string[];
  /** Trailing comment of a list item whose scalar equals the key (e.g. an identity). */
  itemComments?: Record<string, string>;
}

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~|[-+]?[0-9.]+(e[-+]?[0-9]+)?)$/i;

function scalar(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  return PLAIN.test(s) && !RESERVED.test(s) ? s : JSON.stringify(s);
}

function lines(value: unknown, indent: string, items: Record<string, string>): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object') {
        const [first, ...rest] = lines(item, `${indent}  `, items);
        out.push(`${indent}- ${first.trimStart()}`, ...rest);
      } else {
        const note = items[String(item)];
        out.push(`${indent}- ${scalar(item)}${note ? `  # ${note}` : ''}`);
      }
    }
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (v !== null && typeof v === 'object') {
      const empty = Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
      if (empty) out.push(`${indent}${k}: ${Array.isArray(v) ? '[]' : '{}'}`);
      else out.push(`${indent}${k}:`, ...lines(v, `${indent}  `, items));
    } else {
      out.push(`${indent}${k}: ${scalar(v)}`);
    }
  }
  return out;
}

/**
 * Renders documents as one multi-document YAML stream with comments. Only what the generated
 * policy uses: maps, lists, strings, numbers, booleans; strings are quoted (JSON style, valid
 * YAML) unless plain-safe.
 */
export function policyYaml(docs: CommentedDocument[]): string {
  return docs
    .map(d => [...d.comments.map(c => `# ${c}`), ...lines(d.doc, '', d.itemComments ?? {})].join('\n'))
    .join('\n---\n')
    .concat('\n');
}
