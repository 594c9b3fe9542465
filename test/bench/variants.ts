// Two more ways to load Meshlens and the floor on the running backend (issue 15): an owners-only
// (conditional) catalog policy, which the permission backend resolves through the catalog for
// every decision not cached, and 20 distinct callers (guest tokens), so the per-token decision
// cache is not flattered by a single token.
import { writeFileSync } from 'node:fs';
import { guestToken } from '../support/backend.ts';
import type { BenchBackend } from './benchBackend.ts';
import { floorSummary, type FloorSummary, type LoadPair, measureFloor, measurePair, vsFloor, type VsFloor } from './floor.ts';
import { loopbackDelta } from './measureMeshlens.ts';
import { SETTLE_MS } from './sizes.ts';

export interface VariantResult {
  name: string;
  meshlens: LoadPair;
  floorLoads: LoadPair;
  floor: FloorSummary;
  vsFloor: VsFloor;
  /** Loopback HTTP calls of the backend during the Meshlens loads, per request sent. */
  loopback: { calls: Record<string, number>; perRequest: number };
}

/** The demo policy's file (permission.policyFile); re-read by the permission backend when it changes. */
export function writePolicy(file: string, catalogEntityRead: 'allow' | 'owners') {
  writeFileSync(file, JSON.stringify({ catalogEntityRead }));
}

/** Decisions are cached for 5 s (DecisionCache): wait them out after a policy change. */
const DECISION_TTL_MS = 5_000;
const USERS = 20;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function variant(name: string, b: BenchBackend, names: string[], seconds: number, tokens?: string[]): Promise<VariantResult> {
  const before = b.requestCounts();
  const meshlens = await measurePair(b, names.length, seconds, k => `/api/service-mesh/v1/entities/component/default/${names[k]}`, tokens);
  await sleep(SETTLE_MS);
  const { calls, total } = loopbackDelta(before, b.requestCounts(), 'service-mesh');
  const sent = meshlens.single.sent + meshlens.load.sent;
  const floorLoads = await measureFloor(b, names, seconds, tokens);
  return { name, meshlens, floorLoads, floor: floorSummary(floorLoads), vsFloor: vsFloor(meshlens, floorLoads), loopback: { calls, perRequest: total / Math.max(sent, 1) } };
}

/** The owners-only policy variant, then the 20-user variant; the policy is restored in between. */
export async function measureVariants(b: BenchBackend, names: string[], seconds: number, policyFile: string, log: (l: string) => void): Promise<VariantResult[]> {
  writePolicy(policyFile, 'owners');
  await sleep(DECISION_TTL_MS + 1000);
  let owners: VariantResult;
  try {
    log('variant: owners-only catalog policy (conditional decisions)');
    owners = await variant('owners-only policy', b, names, seconds);
  } finally {
    writePolicy(policyFile, 'allow');
  }
  await sleep(DECISION_TTL_MS + 1000);
  const tokens: string[] = [];
  for (let i = 0; i < USERS; i++) tokens.push(await guestToken(b.url));
  if (new Set(tokens).size !== USERS) throw new Error(`expected ${USERS} distinct guest tokens, got ${new Set(tokens).size}`);
  log(`variant: ${USERS} distinct callers (tokens)`);
  const users = await variant(`${USERS} users`, b, names, seconds, tokens);
  return [owners, users];
}
