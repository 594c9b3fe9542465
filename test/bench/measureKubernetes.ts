// The Backstage Kubernetes backend's figures for the same entities: what its frontend asks per
// entity page, POST /api/kubernetes/services/<entity name> with {"entity": <catalog entity>}
// (router.post('/services/:serviceId') in @backstage/plugin-kubernetes-backend's
// dist/service/KubernetesRouter.cjs.js), with the same load and the apiserver's counters.
import type { ControlPlane } from '../harness/controlPlane.ts';
import type { BenchBackend } from './benchBackend.ts';
import { apiCounts, apiDelta } from './counters.ts';
import { type LoadResult, runLoad } from './load.ts';
import { CONNECTIONS, SETTLE_MS, SINGLE_SECONDS } from './sizes.ts';

export interface KubernetesFigures {
  sample: { entity: string; kinds: Record<string, number>; errors: unknown[] };
  /** One connection: the service time without queueing. */
  single: LoadResult;
  load: LoadResult;
  api: ReturnType<typeof apiDelta>;
}

const post = (entity: any) => ({
  method: 'POST' as const,
  path: `/api/kubernetes/services/${encodeURIComponent(entity.metadata.name)}`,
  body: JSON.stringify({ entity }),
});

async function sample(b: BenchBackend, entity: any) {
  const r = post(entity);
  const res = await fetch(`${b.url}${r.path}`, { method: 'POST', body: r.body, headers: { Authorization: `Bearer ${b.token}`, 'Content-Type': 'application/json' } });
  const body = (await res.json()) as any;
  if (res.status !== 200) throw new Error(`kubernetes services ${entity.metadata.name}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  const item = body.items[0] ?? { resources: [], errors: [] };
  const kinds = Object.fromEntries(item.resources.map((x: any) => [x.type, x.resources.length]));
  return { entity: entity.metadata.name, kinds, errors: item.errors };
}

export async function measureKubernetes(opts: { backend: BenchBackend; cp: ControlPlane; entities: any[]; meshedEntity: any; seconds: number }): Promise<KubernetesFigures> {
  const { backend: b, cp, entities } = opts;
  const first = await sample(b, opts.meshedEntity);
  const load = { url: b.url, token: b.token, count: entities.length, requestFor: (k: number) => post(entities[k]) };
  await runLoad({ ...load, connections: 10, seconds: 3, seed: 7 });
  const single = await runLoad({ ...load, connections: 1, seconds: SINGLE_SECONDS, seed: 11 });
  await new Promise(r => setTimeout(r, SETTLE_MS));
  const apiBefore = await apiCounts(cp);
  const result = await runLoad({ ...load, connections: CONNECTIONS, seconds: opts.seconds });
  // Requests still in flight when autocannon stops go on listing: let them finish.
  await new Promise(r => setTimeout(r, SETTLE_MS));
  const apiAfter = await apiCounts(cp);
  return { sample: first, single, load: result, api: apiDelta(apiBefore, apiAfter) };
}
