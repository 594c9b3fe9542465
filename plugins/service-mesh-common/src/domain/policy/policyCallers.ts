import { PolicyCaller } from '../../api/GeneratedPolicy';

/**
 * The callers a workload's `MeshTLSAuthentication` lists: the client identities seen in the
 * window and those of the workloads of entities the catalog declares as callers, each marked
 * with where it comes from. A caller seen but not declared is flagged `undeclared`.
 */
export function policyCallers(
  seen: Array<{ identity: string; entityRef?: string }>,
  declared: Array<{ identity: string; entityRef: string }>,
): PolicyCaller[] {
  const by = new Map<string, PolicyCaller>();
  const get = (identity: string) => {
    let c = by.get(identity);
    if (!c) by.set(identity, (c = { identity, seen: false, declared: false, undeclared: false, entityRefs: [] }));
    return c;
  };
  for (const s of seen.filter(x => x.identity)) {
    const c = get(s.identity);
    c.seen = true;
    if (s.entityRef && !c.entityRefs.includes(s.entityRef)) c.entityRefs.push(s.entityRef);
  }
  for (const d of declared) {
    const c = get(d.identity);
    c.declared = true;
    if (!c.entityRefs.includes(d.entityRef)) c.entityRefs.push(d.entityRef);
  }
  for (const c of by.values()) {
    c.undeclared = c.seen && !c.declared;
    c.entityRefs.sort();
  }
  return [...by.values()].sort((a, b) => a.identity.localeCompare(b.identity));
}

/** The comment an identity gets in the generated YAML. */
export function callerComment(c: PolicyCaller): string {
  const who = c.entityRefs.length ? ` (${c.entityRefs.join(', ')})` : '';
  if (c.undeclared) return `seen in traffic but not declared in the catalog${who}`;
  if (!c.seen) return `declared in the catalog${who}, not seen in the window`;
  return `seen and declared in the catalog${who}`;
}
