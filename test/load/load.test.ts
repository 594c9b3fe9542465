// Load (issue 9): 200 concurrent clients for 60 s against entity reports and group rollups on the
// demo backend, three consecutive runs: zero errors, bounded p99, and no memory growth across the
// runs (RSS of the backend's node process after each). `LOAD_SECONDS` shortens the runs locally.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, type RunningBackend } from '../support/backend.ts';
import { runLoad, type LoadResult } from '../bench/load.ts';
import { backendNodePid, rssMiB } from '../bench/processTree.ts';

const CONNECTIONS = 200;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const RUNS = 3;
/** Every tenth request is a team rollup (about 55 entity reports each); the rest entity reports. */
const ROLLUP_EVERY = 10;
// 200 clients that each send again as soon as answered keep 200 requests in the system: by
// Little's law the mean latency is 200 / throughput. On 2 cores the development-mode backend
// serves about 140 req/s of this mix (a rollup computes ~55 reports), so the mean is ~1.4 s and
// the measured p99 5-6 s. After issue 15 (cached decisions and reports) the mix runs at 760-1,140
// req/s, and two clean-clone CI runs on the otherwise idle machine measured p99 316-661 ms (six
// runs); the bound is the target, 2 s, about three times the worst of those, and any error fails.
const P99_BOUND_MS = 2_000;
// RSS is read without forcing a GC, so it moves with V8's heap sizing: two CI runs grew 1 and 47
// MiB from run 1 to run 3. A leak of 10 KB per request (~9,000 requests a run) would add ~170 MiB.
const RSS_GROWTH_BOUND_MIB = 128;

describe(`load: ${CONNECTIONS} clients × ${SECONDS} s × ${RUNS} runs`, () => {
  let backend: RunningBackend;
  let nodePid: number;
  let refs: string[] = [];
  before(async () => {
    backend = await startBackend({ waitForEntities: ['component:default/orchestrator', 'component:homelab-meshed/orchestrator', 'group:default/homelab-ops'] });
    nodePid = backendNodePid(backend.pid, 'src/index');
    const res = await fetch(`${backend.url}/api/service-mesh/v1/entities`, { headers: { Authorization: `Bearer ${backend.token}` } });
    refs = ((await res.json()) as any).entities.map((e: any) => e.entityRef as string);
  });
  after(async () => backend?.stop());

  const requestFor = (k: number) => {
    if (k % ROLLUP_EVERY === 0) return { method: 'GET' as const, path: '/api/service-mesh/v1/groups/default/homelab-ops' };
    const [kind, rest] = refs[k % refs.length].split(':');
    return { method: 'GET' as const, path: `/api/service-mesh/v1/entities/${kind}/${rest}` };
  };

  it('serves every request, with a bounded p99 and flat memory', async t => {
    assert.ok(refs.length >= 50, `${refs.length} entities`);
    await runLoad({ url: backend.url, token: backend.token, connections: 50, seconds: 5, count: refs.length * ROLLUP_EVERY, requestFor });
    const rss: number[] = [rssMiB(nodePid)!];
    const results: LoadResult[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await runLoad({ url: backend.url, token: backend.token, connections: CONNECTIONS, seconds: SECONDS, count: refs.length * ROLLUP_EVERY, seed: 7 + i, requestFor });
      await new Promise(ok => setTimeout(ok, 3000));
      rss.push(rssMiB(nodePid)!);
      results.push(r);
      t.diagnostic(`run ${i + 1}: ${r.requests} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms, errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}; RSS after ${rss.at(-1)!.toFixed(0)} MiB`);
    }
    t.diagnostic(`RSS (MiB): before ${rss[0].toFixed(0)}, after runs ${rss.slice(1).map(x => x.toFixed(0)).join(', ')}; growth from run 1 to run ${RUNS}: ${(rss[RUNS] - rss[1]).toFixed(0)} MiB`);
    for (const r of results) {
      assert.equal(r.errors + r.timeouts + r.non2xx, 0, JSON.stringify(r));
      assert.ok(r.p99 <= P99_BOUND_MS, `p99 ${r.p99} ms above ${P99_BOUND_MS} ms`);
      assert.ok(r.requests > 0);
    }
    assert.ok(rss[RUNS] - rss[1] <= RSS_GROWTH_BOUND_MIB, `RSS grew ${(rss[RUNS] - rss[1]).toFixed(0)} MiB from run 1 to run ${RUNS}`);
    assert.ok(backendNodePid(backend.pid, 'src/index') === nodePid, 'the backend process was restarted');
  });
});
