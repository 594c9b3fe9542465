// Scorecards end to end: the real Tech Insights backend runs the Meshlens fact retriever (which
// calls the service-mesh backend with plugin credentials) and the jsonfc checks of app-config.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, type RunningBackend } from '../support/backend.ts';

const CHECKS = ['serviceMeshMeshed', 'serviceMeshMtls', 'serviceMeshNoWarnings', 'serviceMeshReadiness'];

describe('Tech Insights facts and checks from Meshlens', () => {
  let backend: RunningBackend;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${backend.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${backend.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const latestFacts = async (ref: string) => {
    const q = new URLSearchParams({ entity: ref });
    q.append('ids[]', 'serviceMeshFactRetriever');
    const res = await fetch(`${backend.url}/api/tech-insights/facts/latest?${q}`, { headers: { Authorization: `Bearer ${backend.token}` } });
    return (await res.json()) as any;
  };
  const results = async (ns: string, name: string) => {
    const { status, body } = await post(`/api/tech-insights/checks/run/${ns}/component/${name}`, { checks: CHECKS });
    assert.equal(status, 200, JSON.stringify(body));
    return Object.fromEntries(body.map((r: any) => [r.check.id, r.result]));
  };

  before(async () => {
    backend = await startBackend({ waitForEntities: ['component:homelab-meshed/orchestrator', 'component:default/orchestrator'] });
    // The retriever's first run is 10 s after start (app-config); bounded wait for its facts.
    const deadline = Date.now() + 120_000;
    while (!(await latestFacts('component:homelab-meshed/orchestrator')).serviceMeshFactRetriever) {
      if (Date.now() > deadline) throw new Error(`no facts after 120 s\n${backend.logs().slice(-3000)}`);
      await new Promise(r => setTimeout(r, 1000));
    }
  });
  after(async () => backend?.stop());

  it('stores the Meshlens facts of a meshed service', async () => {
    const { facts } = (await latestFacts('component:homelab-meshed/orchestrator')).serviceMeshFactRetriever;
    assert.deepEqual(
      { meshed: facts.meshed, meshedPodRatio: facts.meshedPodRatio, mtlsInboundRatio: facts.mtlsInboundRatio, triggersFired: facts.triggersFired },
      { meshed: true, meshedPodRatio: 1, mtlsInboundRatio: 1, triggersFired: 0 },
    );
    assert.equal(typeof facts.adoptionScore, 'number');
    assert.equal(facts.findingsWarning, 1);
  });

  it('runs the checks: the meshed service passes meshed and mTLS, the unmeshed app fails meshed', async () => {
    assert.deepEqual(await results('homelab-meshed', 'orchestrator'), { serviceMeshMeshed: true, serviceMeshMtls: true, serviceMeshNoWarnings: false, serviceMeshReadiness: true });
    const unmeshed = await results('default', 'orchestrator');
    assert.equal(unmeshed.serviceMeshMeshed, false);
    assert.equal(unmeshed.serviceMeshMtls, false);
  });
});
