/**
 * The short form of a workload (`namespace/Kind/name` → `name`) or of a
 * Linkerd identity (`sa.ns.serviceaccount.identity.linkerd.cluster.local` →
 * `sa.ns`); anything else is returned as is.
 *
 * @internal
 */
export function shortName(value: string): string {
  const identity = value.indexOf('.serviceaccount.identity.');
  if (identity > 0) return value.slice(0, identity);
  const parts = value.split('/');
  return parts.length === 3 ? parts[2] : value;
}
