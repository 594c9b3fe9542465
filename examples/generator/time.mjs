// Time in the demo: the snapshots' "now", ISO rendering, and the jittered "days ago" of the model.
import { CLUSTER_BIRTH } from '../model/nodes.mjs';
import { CAPTURED_AT } from '../model/snapshots.mjs';
import { hashInt } from './ids.mjs';

export const NOW = Date.parse(CAPTURED_AT);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function iso(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A point in time: a number is "days before capturedAt", shifted back by up to ~9 hours derived
 * from the seed (so not everything happens at noon); a string is an ISO timestamp.
 */
export function when(spec, seed) {
  if (typeof spec === 'string') return Date.parse(spec);
  const jitter =
    (hashInt(`jitter:${seed}`) % (9 * 60)) * MINUTE +
    (hashInt(`sec:${seed}`) % 60) * SECOND;
  return NOW - spec * DAY - jitter;
}

/** resourceVersion: grows with the object's last modification, like etcd revisions do. */
export function resourceVersion(lastModified, seed) {
  const seconds = Math.floor(
    (lastModified - Date.parse(CLUSTER_BIRTH)) / SECOND,
  );
  return String(1200 + seconds * 10 + (hashInt(`rv:${seed}`) % 10));
}
