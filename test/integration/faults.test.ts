// The fault suite: the real backend reads a harness cluster through a plain-HTTP proxy in front
// of the apiserver, and a real Prometheus through a fault proxy, under light continuous load.
// Each fault (apiserver restart, etcd restart, Prometheus down, slow or answering garbage, watches
// closed with 410 Gone) must leave every report a 200 naming the degraded source in errors[],
// and the backend must recover by itself within a stated bound; each recovery time is printed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures } from '../harness/fixtures.ts';
import { startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';
import { startFaultProxy, type FaultMode, type FaultProxy } from '../harness/faultProxy.ts';
import { startApiserverProxy, type ApiserverProxy } from '../harness/apiserverProxy.ts';
import { startReportLoad, type LoadSample, type ReportLoad } from '../harness/reportLoad.ts';
import { commandLine, pidListeningOn } from '../harness/pidListeningOn.ts';
import { toOpenMetrics } from '../../examples/traffic/openMetrics.ts';
import { AT, cart, expectedGolden, shopModel, traefikToWeb, webToCart, deployShop } from '../support/shopTraffic.ts';

const model = shopModel([webToCart, traefikToWeb]);
/** serviceMesh.clusters[].prometheus.timeoutMs, and how late the slow Prometheus answers. */
const PROM_TIMEOUT_MS = 1000;
const SLOW_MS = 3000;
const REFRESH_SECONDS = 2;
/** Bounds on recovery, counted from the moment the faulty component works again. */
const KUBE_RECOVERY_MS = 45_000; // watch back-off is capped at 30 s, then one list + watch
const PROM_RECOVERY_MS = 10_000; // one refresh (2 s) plus one query timeout; failures are not cached
const EXPIRY_RECOVERY_MS = 10_000; // a 410 re-lists at once, no back-off
const DETECT_MS = 10_000;
const LOAD_RPS = 10;
const ENTITIES = ['web', 'cart', 'late-apiserver', 'late-etcd', 'late-expired'];

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls `check` until it returns a value; resolves with it and the time it took. */
async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, last: () => string): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await check();
    if (value !== undefined) return { value, ms: Date.now() - started };
    await sleep(100);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms; last seen: ${last()}`);
}

function summary(samples: LoadSample[]): string {
  const statuses = new Map<number, number>();
  for (const s of samples) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
  const ms = samples.map(s => s.ms).sort((a, b) => a - b);
  const sources = [...new Set(samples.flatMap(s => s.errorSources))].sort();
  // Messages differ by port and detail; a few distinct ones, shortened, are enough to read.
  const messages = [...new Set(samples.flatMap(s => s.errors.map(e => e.slice(0, 140))))].slice(0, 3);
  return `${samples.length} requests, status ${JSON.stringify(Object.fromEntries(statuses))}, p50 ${ms[Math.floor(ms.length / 2)] ?? 0} ms, max ${ms.at(-1) ?? 0} ms, errors[] sources seen: ${sources.join(', ') || 'none'}${messages.length ? `; e.g. ${JSON.stringify(messages)}` : ''}`;
}

/** Every report under load was a 200; `log` is the backend's, to tell a dev-server restart apart. */
function assertAll200(samples: LoadSample[], log: string) {
  assert.ok(samples.length > 0, 'the load made no request during the fault');
  const bad = samples.filter(s => s.status !== 200);
  const restarted = /Change detected, restarting/.test(log) ? ' (backstage-cli restarted the backend: a source file changed during the run)' : '';
  assert.deepEqual(bad.slice(0, 5), [], `${bad.length} of ${samples.length} reports under load were not 200${restarted}`);
}

describe('fault suite: the backend rides out apiserver, etcd, Prometheus and watch faults under load', () => {
  let cp: ControlPlane;
  let fx: Fixtures;
  let prom: RunningPrometheus;
  let promProxy: FaultProxy;
  let kubeProxy: ApiserverProxy;
  let backend: RunningBackend;
  let load: ReportLoad;
  let backendPid: number | undefined;
  /** The backend's watches once synced: one per watched kind. */
  let watchPaths: string[] = [];
  let lastSeen = '';
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-faults-'));
  const backendPort = () => Number(new URL(backend.url).port);

  const report = async (name: string) => {
    const started = Date.now();
    const res = await fetch(`${backend.url}/api/service-mesh/v1/entities/component/default/${name}`, { headers: { Authorization: `Bearer ${backend.token}` }, signal: AbortSignal.timeout(15_000) });
    const body = (await res.json()) as any;
    lastSeen = `${name}: ${res.status} workloads ${JSON.stringify(body.workloads?.map((w: any) => `${w.name} ${w.meshedPods}/${w.totalPods}`))} errors ${JSON.stringify(body.errors)}`;
    assert.equal(res.status, 200, lastSeen);
    return { ...body, ms: Date.now() - started };
  };
  const clusterErrors = (r: any) => r.errors.filter((e: any) => e.source.startsWith('cluster:live'));
  // cart's callers (10 rps) plus its own probes and scrapes, as viz stat counts them.
  const healthyMetrics = (r: any) => r.errors.length === 0 && Math.abs((r.goldenMetrics?.rps ?? 0) - expectedGolden(cart, [webToCart]).rps) < 0.2;
  /** The entity of a deployment created during a fault: its one meshed pod, no cluster error. */
  const appeared = (name: string) => async () => {
    const r = await report(name);
    return r.workloads.length === 1 && r.workloads[0].meshedPods === 1 && clusterErrors(r).length === 0 ? r : undefined;
  };
  /** Every kind watched again, each exactly once (a leaked or doubled informer shows here). */
  const watchesRestored = () => until('one open watch per kind', KUBE_RECOVERY_MS, async () => {
    const open = kubeProxy.openWatches().sort();
    lastSeen = `open watches: ${open.join(', ')}`;
    return JSON.stringify(open) === JSON.stringify(watchPaths) ? true : undefined;
  }, () => lastSeen);

  before(async () => {
    cp = await startControlPlane();
    fx = new Fixtures({ url: cp.url, ca: cp.ca, token: cp.adminToken });
    await deployShop(fx);
    const token = await fx.pluginToken();
    prom = await startPrometheus(toOpenMetrics(model));
    promProxy = await startFaultProxy(prom.url, { slowMs: SLOW_MS });
    kubeProxy = await startApiserverProxy(cp.url, cp.ca);
    const catalog = ENTITIES.map(name => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ${name}, annotations: {backstage.io/kubernetes-id: ${name}, backstage.io/kubernetes-cluster: live}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`).join('---\n');
    writeFileSync(join(dir, 'catalog.yaml'), catalog);
    backend = await startBackend({
      waitForEntities: ENTITIES.map(n => `component:default/${n}`),
      env: {
        APP_CONFIG_serviceMesh: JSON.stringify({
          metrics: { window: '1h', refreshSeconds: REFRESH_SECONDS },
          // Every Kubernetes request goes through the plain-HTTP proxy (hence skipTLSVerify).
          clusters: [{
            name: 'live', source: 'kubernetes', url: kubeProxy.url, skipTLSVerify: true, serviceAccountToken: token,
            controlPlaneNamespace: 'linkerd', prometheus: { url: promProxy.url, timeoutMs: PROM_TIMEOUT_MS, evaluationTime: AT },
          }],
        }),
        APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(dir, 'catalog.yaml') }]),
      },
    });
    await until('a healthy first report', 60_000, async () => (healthyMetrics(await report('cart')) ? true : undefined), () => lastSeen);
    // The thirteen built-in kinds of watchedKinds.ts (no CRD is installed, so no custom kind).
    await until('the watches open', 30_000, async () => (kubeProxy.openWatches().length >= 13 ? true : undefined), () => kubeProxy.openWatches().join(', '));
    watchPaths = kubeProxy.openWatches().sort();
    assert.equal(new Set(watchPaths).size, watchPaths.length, `a kind is watched twice: ${watchPaths.join(', ')}`);
    backendPid = pidListeningOn(backendPort());
    assert.ok(backendPid, `no process listens on the backend's port ${backendPort()}`);
    load = startReportLoad({ baseUrl: `${backend.url}/api/service-mesh/v1/entities/component/default/`, token: backend.token, paths: ['cart', 'web'], rps: LOAD_RPS, timeoutMs: 15_000 });
  });
  after(async () => {
    await load?.stop();
    await backend?.stop();
    await kubeProxy?.stop();
    await promProxy?.stop();
    await prom?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`1. apiserver killed and restarted under load: a deployment created after it appears and the cluster errors clear (≤ ${KUBE_RECOVERY_MS} ms)`, async t => {
    const t0 = Date.now();
    await cp.restartApiserver();
    const back = Date.now();
    await fx.deployment('shop', 'late-apiserver', ['classic']);
    const { ms } = await until('late-apiserver with no cluster error', KUBE_RECOVERY_MS, appeared('late-apiserver'), () => lastSeen);
    const recovered = Date.now() - back;
    const window = load.since(t0);
    t.diagnostic(`apiserver restart: down ${back - t0} ms, recovered ${recovered} ms after it was ready again (bound ${KUBE_RECOVERY_MS} ms; ${ms} ms after the deployment was created); load: ${summary(window)}`);
    assert.ok(recovered <= KUBE_RECOVERY_MS, `recovered after ${recovered} ms`);
    assertAll200(window, backend.logs());
    assert.ok(window.some(s => s.errorSources.some(src => src.startsWith('cluster:live'))), 'no report under load named cluster:live while the apiserver was down');
    assert.deepEqual((await report('cart')).errors, []);
    await watchesRestored();
  });

  it(`2. etcd restarted under load: a deployment created after it appears and no cluster error remains (≤ ${KUBE_RECOVERY_MS} ms)`, async t => {
    const t0 = Date.now();
    await cp.restartEtcd(3000);
    const back = Date.now();
    await fx.deployment('shop', 'late-etcd', ['classic']);
    await until('late-etcd with no cluster error', KUBE_RECOVERY_MS, appeared('late-etcd'), () => lastSeen);
    const recovered = Date.now() - back;
    const window = load.since(t0);
    t.diagnostic(`etcd restart: etcd down ${back - t0} ms until the apiserver was ready again, recovered ${recovered} ms after (bound ${KUBE_RECOVERY_MS} ms); load: ${summary(window)}`);
    assert.ok(recovered <= KUBE_RECOVERY_MS, `recovered after ${recovered} ms`);
    assertAll200(window, backend.logs());
    assert.deepEqual((await report('cart')).errors, []);
    await watchesRestored();
  });

  /** One Prometheus fault: named in errors[] with the Kubernetes status intact, then recovery. */
  const prometheusFault = async (t: { diagnostic(msg: string): void }, mode: FaultMode, message: RegExp) => {
    const t0 = Date.now();
    await promProxy.set(mode);
    const { value: degraded, ms: detected } = await until(`the ${mode} Prometheus named in errors[]`, DETECT_MS, async () => {
      const r = await report('cart');
      // The proxy-metrics error (the coverage queries may notice first, under their own prefix).
      return r.errors.some((e: any) => e.source === 'prometheus:live' && message.test(e.message)) ? r : undefined;
    }, () => lastSeen);
    assert.deepEqual(degraded.errors.map((e: any) => e.source), ['prometheus:live']);
    assert.match(degraded.errors[0].message, message);
    assert.equal(degraded.state, 'meshed');
    assert.deepEqual(degraded.workloads.map((w: any) => `${w.kind} ${w.name} ${w.meshedPods}/${w.totalPods}`), ['Deployment cart 3/3']);
    assert.equal(degraded.goldenMetrics, undefined);
    // A bounded answer while degraded: the batch's queries run in parallel, each with the timeout.
    assert.ok(degraded.ms < PROM_TIMEOUT_MS + 2000, `a degraded report took ${degraded.ms} ms`);
    await sleep(1000); // the fault held under load for a moment
    await promProxy.set('pass');
    const back = Date.now();
    const { ms } = await until('golden metrics without errors', PROM_RECOVERY_MS, async () => (healthyMetrics(await report('cart')) ? true : undefined), () => lastSeen);
    const window = load.since(t0);
    t.diagnostic(`Prometheus ${mode}: named after ${detected} ms ("${degraded.errors[0].message}"), recovered ${ms} ms after pass (bound ${PROM_RECOVERY_MS} ms); load: ${summary(window)}`);
    assertAll200(window, backend.logs());
    assert.ok(window.some(s => s.errorSources.includes('prometheus:live')), 'no report under load named prometheus:live');
    assert.ok(window.every(s => s.errorSources.every(src => src === 'prometheus:live')), 'a report under load named another source');
  };

  it(`3. Prometheus down: 200 with prometheus:live in errors[] and the Kubernetes status; golden metrics return after (≤ ${PROM_RECOVERY_MS} ms)`, async t => {
    await prometheusFault(t, 'down', /^Prometheus http:\/\/127\.0\.0\.1:\d+ unreachable: E[A-Z]+/);
  });

  it(`4. Prometheus slower than timeoutMs: the timeout named, then recovery (≤ ${PROM_RECOVERY_MS} ms)`, async t => {
    await prometheusFault(t, 'slow', new RegExp(`did not answer within ${PROM_TIMEOUT_MS} ms`));
  });

  it(`5. Prometheus answering garbage (not JSON, then the wrong shape): named, then recovery (≤ ${PROM_RECOVERY_MS} ms)`, async t => {
    await prometheusFault(t, 'garbage', /answered 200 with a body that is not JSON/);
    await prometheusFault(t, 'wrong-shape', /returned scalar data where a vector was expected/);
  });

  it(`6. watches closed with 410 Expired: every kind re-lists, a change made after is reflected, no error (≤ ${EXPIRY_RECOVERY_MS} ms)`, async t => {
    const lists = async () => cp.requestCounts();
    const before = await lists();
    const t0 = Date.now();
    const ended = kubeProxy.expireWatches();
    await fx.deployment('shop', 'late-expired', ['classic']);
    const resources = [...new Set(ended.map(p => p.split('/').pop()!))].sort();
    assert.ok(resources.includes('pods') && resources.includes('deployments'), `open watches at arming: ${resources.join(', ')}`);
    const relisted = await until('a LIST of every expired kind', EXPIRY_RECOVERY_MS, async () => {
      const now = await lists();
      const missing = resources.filter(r => (now.get(`LIST ${r}`) ?? 0) <= (before.get(`LIST ${r}`) ?? 0));
      lastSeen = `not re-listed yet: ${missing.join(', ')}`;
      return missing.length === 0 ? true : undefined;
    }, () => lastSeen);
    await until('late-expired in its report', EXPIRY_RECOVERY_MS, appeared('late-expired'), () => lastSeen);
    const recovered = Date.now() - t0;
    await sleep(1000); // the re-list is quick: keep the load on for a moment after it too
    const window = load.since(t0);
    t.diagnostic(`410 Expired on ${ended.length} open watches (${resources.join(', ')}): all re-listed after ${relisted.ms} ms, recovered ${recovered} ms after the 410 (bound ${EXPIRY_RECOVERY_MS} ms); load: ${summary(window)}`);
    assert.ok(recovered <= EXPIRY_RECOVERY_MS, `recovered after ${recovered} ms`);
    assertAll200(window, backend.logs());
    assert.deepEqual((await report('cart')).errors, []);
    assert.deepEqual((await report('late-expired')).errors, []);
    await watchesRestored();
  });

  it('7. after every fault the backend is the same process, and its log has no unhandled error', async t => {
    await load.stop();
    const pid = pidListeningOn(backendPort());
    const log = backend.logs();
    t.diagnostic(`backend pid ${backendPid} at start, ${pid} now (${commandLine(pid ?? 0).slice(0, 120)}); whole run: ${summary(load.samples)}`);
    assert.doesNotMatch(log, /Change detected, restarting/, 'backstage-cli restarted the backend because a source file changed during the run');
    assert.equal(pid, backendPid, 'the backend process changed (it crashed or was restarted)');
    assertAll200(load.samples, log);
    const unhandled = log.split('\n').filter(l => /unhandledRejection|Unhandled|uncaughtException/i.test(l));
    assert.deepEqual(unhandled, []);
    const res = await fetch(`${backend.url}/api/service-mesh/v1/clusters`, { headers: { Authorization: `Bearer ${backend.token}` } });
    const [live] = ((await res.json()) as any).clusters;
    assert.deepEqual([live.name, live.synced, live.errors, live.counts.workloads], ['live', true, [], 8]);
    const count = (re: RegExp) => log.split('\n').filter(l => re.test(l)).length;
    t.diagnostic(`backend log: ${count(/Kubernetes watch failed; retrying/)} "watch failed; retrying", ${count(/Kubernetes watch recovered/)} "watch recovered"`);
  });
});
