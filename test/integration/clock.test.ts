// The clock jumping (issue 9, faults): the backend runs under libfaketime with its wall clock
// moved a day back, then 320 days ahead, then back to the present, while its monotonic clock runs
// on. After each jump it must keep serving, follow cluster changes, keep refreshing metrics (its
// caches age on the monotonic clock) and judge certificate windows at the new wall-clock time.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { guestToken, startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures, trustAnchorPem } from '../harness/fixtures.ts';
import { startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';
import { pidListeningOn } from '../harness/pidListeningOn.ts';
import { toOpenMetrics } from '../../examples/traffic/openMetrics.ts';
import { AT, shopModel, webToCart } from '../support/shopTraffic.ts';

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';
const RECOVERY_MS = 20_000;

describe('the wall clock jumping under the backend', () => {
  let cp: ControlPlane;
  let fx: Fixtures;
  let prom: RunningPrometheus;
  let backend: RunningBackend;
  let token: string;
  let pid: number | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-clock-'));
  const clockFile = join(dir, 'faketime');

  const get = async (path: string) => {
    const res = await fetch(`${backend.url}/api/service-mesh${path}`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const queriesServed = async () => {
    const text = await (await fetch(`${prom.url}/metrics`)).text();
    return text.split('\n').filter(l => l.startsWith('prometheus_http_requests_total{') && l.includes('handler="/api/v1/query"'))
      .reduce((n, l) => n + Number(l.split(' ').pop()), 0);
  };
  const wallClock = async () => Date.parse((await get('/v1/entities/component/default/cart')).body.generatedAt);

  /** Moves the backend's wall clock, then measures how long until it serves a change made after. */
  async function jump(t: any, offset: string, deployment: string, expectCertificateFinding: boolean) {
    writeFileSync(clockFile, `${offset}\n`);
    const started = Date.now();
    // Tokens issued before the jump may not verify at the new time: sign in again, as a browser would.
    for (;;) {
      try { token = await guestToken(backend.url); break; } catch (e) {
        if (Date.now() - started > RECOVERY_MS) throw e;
        await new Promise(r => setTimeout(r, 250));
      }
    }
    await fx.deployment('shop', deployment, ['classic']);
    const queriesBefore = await queriesServed();
    let seen = false;
    const statuses: number[] = [];
    while (Date.now() - started < RECOVERY_MS) {
      const cart = await get('/v1/entities/component/default/cart');
      statuses.push(cart.status);
      const created = await get(`/v1/entities/component/default/${deployment}`);
      const hasDeployment = created.status === 200 && created.body.state === 'meshed';
      const certificate = cart.body.findings?.some((f: any) => f.code === 'certificate-expiring') ?? false;
      if (cart.status === 200 && hasDeployment && certificate === expectCertificateFinding && cart.body.errors.length === 0) { seen = true; break; }
      await new Promise(r => setTimeout(r, 250));
    }
    const ms = Date.now() - started;
    // Metrics keep refreshing (refreshSeconds 2): more queries reach Prometheus within three cycles.
    const deadline = Date.now() + 10_000;
    let more = 0;
    while (Date.now() < deadline && (more = (await queriesServed()) - queriesBefore) === 0) {
      await get('/v1/entities/component/default/cart');
      await new Promise(r => setTimeout(r, 500));
    }
    const now = new Date(await wallClock()).toISOString();
    t.diagnostic(`clock ${offset}: backend wall clock ${now}; serving the change after ${ms} ms (bound ${RECOVERY_MS} ms); statuses ${[...new Set(statuses)].join(',')}; ${more} Prometheus queries since; certificate-expiring ${expectCertificateFinding ? 'raised' : 'absent'}`);
    assert.ok(seen, `clock ${offset}: the backend did not serve the change within ${RECOVERY_MS} ms`);
    assert.ok(more > 0, `clock ${offset}: metrics stopped refreshing`);
    assert.ok(statuses.every(s => s === 200), `statuses ${statuses.join(',')}`);
    return now;
  }

  before(async () => {
    if (!existsSync(LIBFAKETIME)) throw new Error(`${LIBFAKETIME} missing: install Debian's libfaketime (scripts/install-system-packages.sh)`);
    cp = await startControlPlane();
    fx = new Fixtures({ url: cp.url, ca: cp.ca, token: cp.adminToken });
    // The trust anchor is valid for a year from now (real time).
    await fx.linkerdControlPlane(trustAnchorPem(365));
    await fx.namespace('shop', { 'linkerd.io/inject': 'enabled' });
    await fx.deployment('shop', 'cart', ['classic', 'classic']);
    const pluginToken = await fx.pluginToken();
    prom = await startPrometheus(toOpenMetrics(shopModel([webToCart])));
    writeFileSync(clockFile, '+0\n');
    const names = ['cart', 'after-back', 'after-forward', 'after-return'];
    writeFileSync(join(dir, 'catalog.yaml'), names.map(n => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ${n}, annotations: {backstage.io/kubernetes-id: ${n}}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`).join('---\n'));
    backend = await startBackend({
      waitForEntities: names.map(n => `component:default/${n}`),
      env: {
        LD_PRELOAD: LIBFAKETIME,
        FAKETIME_TIMESTAMP_FILE: clockFile,
        FAKETIME_NO_CACHE: '1',
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
        APP_CONFIG_serviceMesh: JSON.stringify({
          metrics: { refreshSeconds: 2 },
          history: { enabled: false },
          clusters: [{ name: 'live', source: 'kubernetes', url: cp.url, serviceAccountToken: pluginToken, caFile: cp.caFile, prometheus: { url: prom.url, evaluationTime: AT } }],
        }),
        APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(dir, 'catalog.yaml') }]),
      },
    });
    token = backend.token;
    pid = pidListeningOn(Number(new URL(backend.url).port));
  });
  after(async () => {
    await backend?.stop();
    await prom?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves normally at the present time', async () => {
    const { status, body } = await get('/v1/entities/component/default/cart');
    assert.equal(status, 200);
    assert.equal(body.state, 'meshed');
    assert.deepEqual(body.errors, []);
    assert.ok(!body.findings.some((f: any) => f.code === 'certificate-expiring'));
    assert.ok(Math.abs(Date.parse(body.generatedAt) - Date.now()) < 60_000);
  });

  it('a day back: keeps serving, follows changes, keeps refreshing metrics', async t => {
    const now = await jump(t, '-1d', 'after-back', false);
    assert.ok(Date.now() - Date.parse(now) > 23 * 3600_000, `the backend's clock did not move back: ${now}`);
  });

  it('320 days ahead: the year-long trust anchor is judged at the new time (inside the 60-day window)', async t => {
    const now = await jump(t, '+320d', 'after-forward', true);
    assert.ok(Date.parse(now) - Date.now() > 319 * 86400_000, `the backend's clock did not move ahead: ${now}`);
  });

  it('back to the present: the finding clears, the same process served throughout', async t => {
    await jump(t, '+0', 'after-return', false);
    assert.equal(pidListeningOn(Number(new URL(backend.url).port)), pid, 'the backend process changed');
    assert.doesNotMatch(backend.logs(), /unhandledRejection|uncaughtException|Unhandled/);
  });
});
