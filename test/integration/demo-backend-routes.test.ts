// The real backend on the homelab-meshed demo snapshot: policy and routes in action as the demo
// declares them (examples/model/meshPolicy.mjs, examples/traffic/routesInAction.ts) and the
// snapshot evaluator reads them from the recorded proxy metrics (the same families and label sets
// as routes-in-action.test.ts checks on a real Prometheus): video-service denied by llm-service's
// AuthorizationPolicy, the HTTPRoute llm-service with retries, timeouts during llm-service's
// incident and its 99/1 split to a failure-injection backend, the 2.19 per-route inbound counters,
// the called Services' topology setting, and the destination controller's subscriber hot spots.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, type RunningBackend } from '../support/backend.ts';

const MESHED = 'homelab-meshed';
const id = (sa: string) => `${sa}.auto-brand.serviceaccount.identity.linkerd.cluster.local`;

describe('demo backend: policy and routes in action', () => {
  let backend: RunningBackend;
  const get = async (path: string) => {
    const res = await fetch(`${backend.url}/api/service-mesh${path}`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200, path);
    return (await res.json()) as any;
  };
  const metrics = (name: string) => get(`/v1/entities/component/${MESHED}/${name}/metrics?window=1h`);

  before(async () => {
    backend = await startBackend({ waitForEntities: ['orchestrator', 'llm-service', 'video-service'].map(n => `component:${MESHED}/${n}`) });
  });
  after(async () => backend?.stop());

  it('llm-service: video-service denied by the AuthorizationPolicy, by Server, route and client identity', async () => {
    const body = await metrics('llm-service');
    assert.deepEqual(body.errors, []);
    const [w] = body.policyActivity;
    console.log(`  llm-service policy activity over 1h: ${JSON.stringify(w.totals)}`);
    assert.equal(w.workload, 'auto-brand/Deployment/llm-service');
    assert.deepEqual(w.rows.map((r: any) => [r.kind, r.server, r.route, r.clientId]), [['http-denied', 'server/llm-service-http', 'default/default', id('video-service')]]);
    // 0.05 rps over the hour.
    assert.ok(Math.abs(w.totals['http-denied'] - 180) < 5, String(w.totals['http-denied']));
    assert.deepEqual((await metrics('orchestrator')).policyActivity, []);
  });

  it('llm-service: the HTTPRoute in action — retries, timeouts in the incident, the 99/1 split with the failure-injection backend', async () => {
    const body = await metrics('llm-service');
    const [r] = body.routeActivity;
    console.log(`  route ${r.route}: ${r.requests.toFixed(0)} requests, ${r.failures.toFixed(1)} failed, timeouts ${JSON.stringify(r.timeouts)}, retries ${JSON.stringify(r.retries)}`);
    assert.equal(r.route, 'auto-brand/llm-service');
    assert.deepEqual(r.parents, ['Service/llm-service:8001']);
    assert.deepEqual(r.configured, { retries: '5xx (limit 2)', timeout: '10s' });
    // orchestrator's 1.5 rps on the daily pattern: the same requests as the edge's.
    const edge = (await metrics('orchestrator')).callees.find((e: any) => e.peer === 'auto-brand/Deployment/llm-service');
    assert.ok(Math.abs(r.requests / 3600 - edge.rps) / edge.rps < 0.01, `${r.requests / 3600} vs ${edge.rps}`);
    assert.ok(r.timeouts.REQUEST_TIMEOUT > 0 && r.retries.requests > r.retries.successes && r.retries.limitExceeded > 0);
    assert.deepEqual(r.backends.map((b: any) => [b.backend, b.weight, b.configuredShare, Number(b.observedShare.toFixed(3)), b.failureInjection ?? '']), [
      ['Service/llm-service:8001', 99, 0.99, 0.99, ''],
      ['Service/llm-service-fault:8001', 1, 0.01, 0.01, 'missing-service'],
    ]);
    const fault = r.backends[1];
    assert.equal(fault.failures, fault.requests);
  });

  it('inbound requests by route (2.19 counters) with the frame-size band, and the zone locality with the called Services', async () => {
    const body = await metrics('llm-service');
    const app = body.inboundRoutes.find((i: any) => i.server === 'server/llm-service-http:8001' && i.route === 'default/default');
    assert.equal(app.responseFrames.band, '1 KiB–10 KiB');
    const probe = body.inboundRoutes.find((i: any) => i.server === 'server/llm-service-http:8001' && i.route === 'default/probe');
    assert.equal(probe.responseFrames.band, '≤ 128 B');
    const orchestrator = await metrics('orchestrator');
    assert.deepEqual(orchestrator.zoneLocality.services.map((s: any) => [s.name, s.trafficDistribution ?? null]), [
      ['experimentation', null], ['llm-service', null], ['publisher', null], ['video-service', null],
    ]);
    // video-service calls only NATS (TCP): no request to place in a zone.
    assert.equal((await metrics('video-service')).zoneLocality, undefined);
  });

  it('the cluster report names the destination hot spots', async () => {
    const clusters = await get('/v1/clusters');
    const meshed = clusters.clusters.find((c: any) => c.name === MESHED);
    console.log(`  ${MESHED} destination hot spots: ${meshed.destinationHotSpots.map((s: any) => `${s.service}:${s.port}=${s.subscribers}`).join(', ')}`);
    // Each meshed client pod subscribes once per Service and port it calls: nats has orchestrator's
    // 2 pods, llm-service's, video-service's and publisher's 1 each (analytics' run has ended).
    assert.deepEqual(meshed.destinationHotSpots[0], { cluster: 'local', namespace: 'auto-brand', service: 'nats', port: '4222', subscribers: 5 });
    assert.equal(clusters.clusters.find((c: any) => c.name === 'homelab').destinationHotSpots, undefined);
  });
});
