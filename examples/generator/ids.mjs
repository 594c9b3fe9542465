// Deterministic identities: uids, hashes and name suffixes derived from seeds with sha256, so the
// demo is the same on every run.
import { createHash } from 'node:crypto';

export function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

export function hashInt(text) {
  return parseInt(sha256(text).slice(0, 8), 16);
}

/** A v4-shaped uid derived from a seed. */
export function makeUid(seed) {
  const h = sha256(`uid:${seed}`);
  const variant = '89ab'[parseInt(h[16], 16) % 4];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(
    13,
    16,
  )}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Kubernetes' `rand.SafeEncodeString` alphabet. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** `pod-template-hash` / `controller-revision-hash` the way Kubernetes renders them: SafeEncodeString(uint32 as decimal). */
export function templateHash(template) {
  const n = hashInt(`template:${JSON.stringify(template)}`);
  return [...String(n)]
    .map(c => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length])
    .join('');
}

/** A random-looking name suffix (ReplicaSet/DaemonSet/Job pods), derived from a seed. */
export function nameSuffix(seed, length = 5) {
  const bytes = createHash('sha256').update(`suffix:${seed}`).digest();
  return [...bytes.subarray(0, length)]
    .map(b => ALPHANUMS[b % ALPHANUMS.length])
    .join('');
}
export function containerId(seed) {
  return `containerd://${sha256(`container:${seed}`)}`;
}
