// Object clean-up and YAML rendering: kubectl's style for cluster files, the repository's
// Prettier style for authored files (catalog, org, snapshot.yaml).
import { stringify } from 'yaml';

/** Drops undefined values, recursively. */
export function clean(value) {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value))
      if (v !== undefined) out[k] = clean(v);
    return out;
  }
  return value;
}

/** Sorts map keys, recursively (kubectl's JSON → YAML conversion does the same). */
export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
    return out;
  }
  return value;
}

export function nonEmpty(obj) {
  return obj && Object.keys(obj).length > 0 ? obj : undefined;
}

/** YAML 1.1 style output (quotes "yes", "on", timestamps...) with kubectl's unindented sequences. */
export const YAML_OPTIONS = {
  version: '1.1',
  indentSeq: false,
  lineWidth: 0,
  blockQuote: 'literal',
  singleQuote: false,
};

export function toYaml(value) {
  return stringify(value, YAML_OPTIONS);
}

/**
 * Hand-written style for the catalog, org and snapshot files: indented sequences and single
 * quotes, the repository's Prettier style (the cluster files keep kubectl's style instead).
 */
const AUTHORED_YAML_OPTIONS = {
  version: '1.1',
  indentSeq: true,
  lineWidth: 0,
  blockQuote: 'literal',
  singleQuote: true,
};

export function toAuthoredYaml(value) {
  return stringify(value, AUTHORED_YAML_OPTIONS);
}
