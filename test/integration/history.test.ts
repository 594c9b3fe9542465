// Mesh history and owner notifications end to end: the real backend runs the scheduled history
// task on SQLite (the default) and on PostgreSQL (Debian's package), the notifications backend
// delivers to the owners, and two replicas sharing PostgreSQL run the task once per cycle.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, type RunningBackend } from '../support/backend.ts';
import { postgresEnv, psql, startPostgres, type RunningPostgres } from '../harness/postgres.ts';
import { join } from 'node:path';
import { REPO } from '../support/backend.ts';

const FREQUENCY_S = 4;
const ENTITY = 'component/default/orchestrator';
const TRIGGER_TITLE = 'component:default/orchestrator: the canary adoption trigger fired';

/**
 * Short history cycles; the guest signs in as the operator, a member of the owning group. The demo
 * fires no trigger (the founding verdict: not yet), so the canary bar is lowered to orchestrator's
 * 6 rollouts in 30 days: a trigger fires, and the owners are told once.
 */
const HISTORY_ENV = {
  APP_CONFIG_serviceMesh_adoption_canary_rollouts: '6',
  APP_CONFIG_serviceMesh_history_schedule: JSON.stringify({ frequency: { seconds: FREQUENCY_S }, timeout: { seconds: 60 }, initialDelay: { seconds: 1 } }),
  APP_CONFIG_auth_providers_guest: JSON.stringify({ userEntityRef: 'user:default/operator' }),
};

async function getJson(b: RunningBackend, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${b.url}${path}`, { headers: { Authorization: `Bearer ${b.token}` } });
  return { status: res.status, body: await res.json() };
}

/** Polls the entity's history until it holds `count` points (bounded). */
async function waitForPoints(b: RunningBackend, count: number, timeoutMs = 90_000): Promise<any[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await getJson(b, `/api/service-mesh/v1/entities/${ENTITY}/history`);
    assert.equal(status, 200, JSON.stringify(body));
    if (body.points.length >= count) return body.points;
    if (Date.now() > deadline) throw new Error(`history has ${body.points.length} of ${count} points after ${timeoutMs} ms\n${b.logs().slice(-3000)}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

async function notificationTitles(b: RunningBackend): Promise<string[]> {
  const { status, body } = await getJson(b, '/api/notifications?limit=1000');
  assert.equal(status, 200, JSON.stringify(body));
  return body.notifications.map((n: any) => n.payload.title);
}

function assertHistoryPoints(points: any[]) {
  for (const p of points) {
    assert.equal(p.state, 'unmeshed');
    assert.equal(p.recommendation, 'adopt-now');
    assert.ok(p.triggersFired.includes('canary'), JSON.stringify(p));
    assert.equal(p.meshedPodRatio, 0);
    assert.equal(typeof p.score, 'number');
  }
  const times = points.map(p => Date.parse(p.recordedAt));
  assert.deepEqual([...times].sort((a, b) => a - b), times, 'oldest first');
}

describe('mesh history on SQLite (the default database)', () => {
  let backend: RunningBackend;
  before(async () => {
    backend = await startBackend({ waitForEntities: ['component:default/orchestrator', 'user:default/operator'], env: HISTORY_ENV });
  });
  after(async () => backend?.stop());

  it('records a point per entity and run: score, fired triggers, coverage', async () => {
    const points = await waitForPoints(backend, 3);
    assertHistoryPoints(points);
  });

  it('notifies the owners once when a trigger first fires, not again on the next runs', async t => {
    const points = await waitForPoints(backend, 4);
    const titles = await notificationTitles(backend);
    t.diagnostic(`${points.length} history runs, ${titles.length} notifications to the operator`);
    assert.equal(titles.filter(t => t === TRIGGER_TITLE).length, 1, titles.join('\n'));
    assert.equal(new Set(titles).size, titles.length, `a notification was sent twice:\n${titles.join('\n')}`);
    const { body } = await getJson(backend, '/api/notifications?limit=1000');
    const n = body.notifications.find((x: any) => x.payload.title === TRIGGER_TITLE);
    assert.equal(n.payload.link, '/catalog/default/component/orchestrator/service-mesh');
    assert.equal(n.payload.topic, 'service-mesh');
    assert.match(n.payload.description, /Recommendation: adopt-now/);
  });

  it('rejects a bad limit and an unknown entity', async () => {
    const bad = await getJson(backend, `/api/service-mesh/v1/entities/${ENTITY}/history?limit=0`);
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /Invalid limit/);
    const unknown = await getJson(backend, '/api/service-mesh/v1/entities/component/default/no-such-entity/history');
    assert.equal(unknown.status, 404);
    const limited = await getJson(backend, `/api/service-mesh/v1/entities/${ENTITY}/history?limit=2`);
    assert.equal(limited.body.points.length, 2);
  });
});

/**
 * The production shape: `app-config.production.yaml` (PostgreSQL from POSTGRES_*) on top of
 * `app-config.yaml`. Its cluster list, catalog and sign-in are for a real deployment, so the test
 * points them back at the demo snapshots, the demo catalog and guest sign-in; the database and
 * everything else come from the production file.
 */
function productionEnv(pg: RunningPostgres): Record<string, string> {
  return {
    ...HISTORY_ENV,
    ...postgresEnv(pg),
    APP_BASE_URL: 'http://127.0.0.1', BACKEND_BASE_URL: 'http://127.0.0.1',
    MESHLENS_CLUSTER_NAME: 'unused', MESHLENS_CLUSTER_URL: 'https://127.0.0.1:1', MESHLENS_TOKEN: 'unused', MESHLENS_PROMETHEUS_URL: 'http://127.0.0.1:1',
    APP_CONFIG_serviceMesh_clusters: JSON.stringify(['homelab', 'homelab-meshed'].map(name => ({ name, source: 'snapshot', path: join(REPO, 'examples', name) }))),
    APP_CONFIG_catalog_locations: JSON.stringify(['examples/org.yaml', 'examples/homelab/catalog/*.yaml', 'examples/homelab-meshed/catalog/*.yaml'].map(target => ({ type: 'file', target: join(REPO, target) }))),
    APP_CONFIG_auth_environment: 'development',
  };
}

describe('mesh history on PostgreSQL with app-config.production.yaml, two replicas sharing it', () => {
  let pg: RunningPostgres;
  let a: RunningBackend;
  let b: RunningBackend;
  before(async () => {
    pg = await startPostgres();
    const env = productionEnv(pg);
    const configs = [join(REPO, 'app-config.yaml'), join(REPO, 'app-config.production.yaml')];
    a = await startBackend({ waitForEntities: ['component:default/orchestrator', 'user:default/operator'], env, configs });
    b = await startBackend({ waitForEntities: ['component:default/orchestrator'], env, configs });
  });
  after(async () => {
    await b?.stop();
    await a?.stop();
    await pg?.stop();
  });

  it('fills the history table on PostgreSQL, readable from either replica', async t => {
    const points = await waitForPoints(a, 3);
    assertHistoryPoints(points);
    // Straight from PostgreSQL: the plugin's own database holds the rows.
    const rows = Number(psql(pg, 'backstage_plugin_service-mesh', "select count(*) from mesh_history where entity_ref = 'component:default/orchestrator'"));
    const total = Number(psql(pg, 'backstage_plugin_service-mesh', 'select count(*) from mesh_history'));
    t.diagnostic(`PostgreSQL mesh_history: ${rows} rows for orchestrator, ${total} in all`);
    assert.ok(rows >= points.length, `${rows} rows in PostgreSQL, ${points.length} points served`);
    const fromB = await getJson(b, `/api/service-mesh/v1/entities/${ENTITY}/history`);
    assert.ok(fromB.body.points.length >= 3);
  });

  it('runs the task once per cycle across both replicas', async t => {
    const before = (await waitForPoints(a, 1)).length;
    await new Promise(r => setTimeout(r, 5 * FREQUENCY_S * 1000));
    const points = await waitForPoints(a, before + 2);
    // Points recorded while both replicas ran: never two within one cycle.
    const recent = points.slice(before - 1).map(p => Date.parse(p.recordedAt));
    const gaps = recent.slice(1).map((t, i) => t - recent[i]);
    assert.ok(gaps.every(g => g >= FREQUENCY_S * 1000 * 0.8), `gaps between runs (ms): ${gaps.join(', ')}`);
    // Runs while the catalog was still being ingested recorded fewer entities (or none) and no
    // point for orchestrator: count the runs that recorded every entity.
    // eslint-disable-next-line no-control-regex
    const plain = (logs: string) => logs.replace(/\x1b\[[0-9;]*m/g, '');
    const recordedPerRun = (logs: string) => [...plain(logs).matchAll(/Mesh history recorded.*?\brecorded\W+(\d+)/g)].map(m => Number(m[1]));
    const all = Math.max(...recordedPerRun(a.logs()), ...recordedPerRun(b.logs()));
    const runsA = recordedPerRun(a.logs()).filter(n => n === all).length;
    const runsB = recordedPerRun(b.logs()).filter(n => n === all).length;
    t.diagnostic(`runs: replica A ${runsA}, replica B ${runsB}; points ${points.length}; gaps (ms) ${gaps.join(', ')}`);
    assert.ok(runsA + runsB >= points.length - 1 && runsA + runsB <= points.length + 1, `runs A=${runsA} B=${runsB}, points=${points.length}`);
  });

  it('sends each notification once across both replicas', async () => {
    const titles = await notificationTitles(a);
    assert.equal(titles.filter(t => t === TRIGGER_TITLE).length, 1, titles.join('\n'));
    assert.equal(new Set(titles).size, titles.length, `a notification was sent twice:\n${titles.join('\n')}`);
  });
});
