// The Backstage floor: an authenticated catalog read (`GET /api/catalog/entities/by-name/...`)
// under the same loads as Meshlens, on the same backend: what any entity route pays at least
// (auth, the catalog's permission check, the catalog read, the access log). Meshlens / floor
// ratios compare figures of one run, so the machine's other load mostly cancels out.
import type { BenchBackend } from './benchBackend.ts';
import { type LoadResult, runLoad } from './load.ts';
import { CONNECTIONS, SINGLE_SECONDS } from './sizes.ts';

/** Both loads of a system: one connection (service time) and CONNECTIONS connections. */
export interface LoadPair { single: LoadResult; load: LoadResult }

/** The JSON summary of the floor (issue 15). */
export interface FloorSummary { rps: number; p50: number; p99: number; single: { p50: number; p99: number } }

/** Meshlens / floor on the same run: throughput at CONNECTIONS, one-connection p50, p99 at CONNECTIONS. */
export interface VsFloor { throughput: number; singleP50: number; p99: number }

/** The warm-up, then the one-connection and the CONNECTIONS loads of `path(k)`. */
export async function measurePair(b: BenchBackend, count: number, seconds: number, path: (k: number) => string, tokens?: string[]): Promise<LoadPair> {
  const load = { url: b.url, token: b.token, tokens, count, requestFor: (k: number) => ({ method: 'GET' as const, path: path(k) }) };
  await runLoad({ ...load, connections: 10, seconds: 3, seed: 7 });
  const single = await runLoad({ ...load, connections: 1, seconds: SINGLE_SECONDS, seed: 11 });
  return { single, load: await runLoad({ ...load, connections: CONNECTIONS, seconds }) };
}

/** The floor's loads: the catalog read of the same entities as the Meshlens load. */
export function measureFloor(b: BenchBackend, names: string[], seconds: number, tokens?: string[]): Promise<LoadPair> {
  return measurePair(b, names.length, seconds, k => `/api/catalog/entities/by-name/component/default/${names[k]}`, tokens);
}

export function floorSummary(f: LoadPair): FloorSummary {
  return { rps: f.load.rps, p50: f.load.p50, p99: f.load.p99, single: { p50: f.single.p50, p99: f.single.p99 } };
}

/** Throughput ratio above 1 and latency ratios below 1 mean Meshlens beats the floor. */
export function vsFloor(m: LoadPair, f: LoadPair): VsFloor {
  return { throughput: m.load.rps / f.load.rps, singleP50: m.single.p50 / Math.max(f.single.p50, 1), p99: m.load.p99 / Math.max(f.load.p99, 1) };
}
