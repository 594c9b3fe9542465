import { existsSync } from 'fs';
import { dirname, join } from 'path';

/** The bundled demo snapshots, in the order they are served. */
export const DEMO_SNAPSHOTS = ['homelab', 'homelab-meshed'];

/**
 * Finds the repository's `examples/` folder by walking up from `start` (the backend runs from
 * `packages/backend`), and returns the demo snapshot directories found there.
 */
export function findDemoSnapshots(start: string): string[] {
  const candidates = [start];
  while (candidates.length < 6 && dirname(candidates[candidates.length - 1]) !== candidates[candidates.length - 1]) {
    candidates.push(dirname(candidates[candidates.length - 1]));
  }
  for (const dir of candidates) {
    const found = DEMO_SNAPSHOTS.map(name => join(dir, 'examples', name)).filter(p => existsSync(join(p, 'cluster')));
    if (found.length > 0) return found;
  }
  return [];
}
