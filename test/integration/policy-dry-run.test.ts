// The authorization policy Meshlens generates for the homelab-meshed demo (the real backend on the
// demo snapshot and its recorded traffic), applied to a real kube-apiserver with the Linkerd 2.19
// CRDs by server-side dry-run (`?dryRun=All`, the harness admin): every document must pass the
// CRDs' OpenAPI schemas, and nothing is stored. The plugin itself never writes to a cluster.
// Schemas: linkerd2 edge-25.10.7 `charts/linkerd-crds/templates/policy/*.yaml` (shared/data/linkerd-2.19/crds);
// probes need no NetworkAuthentication on HTTP ports: `policy-controller/k8s/index/src/inbound/index.rs`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures } from '../harness/fixtures.ts';
import { kube, kubeRequest } from '../harness/kubeRequest.ts';
import { parseAllDocuments } from 'yaml';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../support/backend.ts';

const PLURAL: Record<string, string> = {
  Server: 'servers', AuthorizationPolicy: 'authorizationpolicies', MeshTLSAuthentication: 'meshtlsauthentications', NetworkAuthentication: 'networkauthentications',
};
const path = (doc: any) => `/apis/${doc.apiVersion}/namespaces/${doc.metadata.namespace}/${PLURAL[doc.kind]}`;

describe('generated authorization policy, server-side dry-run on the real CRDs', () => {
  let cp: ControlPlane;
  let backend: RunningBackend;
  let policies: any[] = [];
  const runbooks = new Map<string, any[]>();
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-policy-'));
  const admin = () => ({ url: cp.url, ca: cp.ca, token: cp.adminToken });
  const dryRun = (doc: any) => kubeRequest(admin(), 'POST', `${path(doc)}?dryRun=All`, doc);

  before(async () => {
    cp = await startControlPlane();
    await new Fixtures(admin()).crds();
    // The demo's catalog, except that orchestrator no longer declares its calls to llm-service:
    // the traffic still shows them, so llm-service's policy has a caller "seen but not declared".
    const catalog = readFileSync(join(REPO, 'examples/homelab-meshed/catalog/auto-brand.yaml'), 'utf8');
    const edited = catalog.replace('  dependsOn:\n    - component:homelab-meshed/llm-service\n', '  dependsOn:\n');
    assert.notEqual(edited, catalog);
    writeFileSync(join(dir, 'auto-brand.yaml'), edited);
    writeFileSync(join(dir, 'traefik.yaml'), readFileSync(join(REPO, 'examples/homelab-meshed/catalog/traefik.yaml')));
    backend = await startBackend({
      waitForEntities: ['orchestrator', 'web-ui', 'llm-service', 'experimentation', 'analytics'].map(n => `component:homelab-meshed/${n}`),
      env: { APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(REPO, 'examples/org.yaml') }, { type: 'file', target: join(dir, '*.yaml') }]) },
    });
    const headers = { Authorization: `Bearer ${backend.token}` };
    const list = (await (await fetch(`${backend.url}/api/service-mesh/v1/entities`, { headers })).json()) as any;
    const meshed = list.entities.filter((e: any) => e.clusters.includes('homelab-meshed') && e.state !== 'unmeshed');
    for (const e of meshed) {
      const [kind, rest] = e.entityRef.split(':');
      const res = await fetch(`${backend.url}/api/service-mesh/v1/entities/${kind}/${rest.replace('/', '/')}`, { headers });
      assert.equal(res.status, 200, e.entityRef);
      const report = (await res.json()) as any;
      for (const p of report.generatedPolicy ?? []) policies.push({ entityRef: e.entityRef, ...p });
      runbooks.set(e.entityRef, report.runbook.steps);
    }
    for (const ns of new Set(policies.map(p => p.namespace))) {
      await kube(admin(), 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, [409]);
    }
  });
  after(async () => {
    await backend?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates policy for the meshed workloads of the demo, from traffic and the catalog', () => {
    const docs = policies.flatMap(p => p.documents);
    const count = (k: string) => docs.filter((d: any) => d.kind === k).length;
    console.log(`  ${policies.length} workloads, ${docs.length} documents: ${Object.keys(PLURAL).map(k => `${count(k)} ${k}`).join(', ')}`);
    console.log(`  callers: ${policies.map(p => `${p.namespace}/${p.name}=${p.callers.map((c: any) => `${c.identity.split('.serviceaccount')[0]}${c.undeclared ? '(undeclared)' : c.seen ? '' : '(declared only)'}`).join('|') || '-'}`).join(' ')}`);
    assert.ok(policies.length >= 3, `policies for ${policies.length} workloads`);
    assert.ok(count('Server') >= 3 && count('AuthorizationPolicy') >= 1 && count('MeshTLSAuthentication') >= 1);
    // Every Server starts in audit mode, and NATS's server-speaks-first ports are opaque.
    assert.ok(docs.filter((d: any) => d.kind === 'Server').every((d: any) => d.spec.accessPolicy === 'audit'));
    const nats = docs.filter((d: any) => d.kind === 'Server' && [4222, 6222].includes(d.spec.port));
    assert.ok(nats.length > 0 && nats.every((d: any) => d.spec.proxyProtocol === 'opaque'), JSON.stringify(nats));
    // Seen callers carry the identity of the caller's ServiceAccount.
    assert.ok(policies.some(p => p.callers.some((c: any) => c.seen && /\.serviceaccount\.identity\.linkerd\.cluster\.local$/.test(c.identity))));
  });

  it('shows the caller seen in traffic but not declared in the catalog, in the data, the YAML and the runbook', () => {
    const llm = policies.find(p => p.name === 'llm-service');
    const orchestrator = llm.callers.find((c: any) => c.identity === 'orchestrator.auto-brand.serviceaccount.identity.linkerd.cluster.local');
    assert.deepEqual([orchestrator.seen, orchestrator.declared, orchestrator.undeclared], [true, false, true]);
    assert.ok(llm.yaml.includes(`- ${orchestrator.identity}  # seen in traffic but not declared in the catalog`), llm.yaml);
    assert.match(llm.notes.join(' '), /seen in traffic but not declared in the catalog/);
    // The other callees of orchestrator keep it as a declared caller.
    const video = policies.find(p => p.name === 'video-service');
    assert.deepEqual(video.callers.map((c: any) => [c.identity.split('.')[0], c.undeclared]), [['orchestrator', false]]);
    assert.ok(runbooks.get('component:homelab-meshed/llm-service').some((s: any) => s.id === 'authorization-auto-brand-llm-service' && /1 seen but not declared/.test(s.why)));
  });

  it('every generated document, as the commented YAML an operator copies, is accepted by the apiserver (dry-run) and none is stored', async () => {
    let accepted = 0;
    for (const p of policies) {
      const fromYaml = parseAllDocuments(p.yaml).map(d => d.toJS()).filter(Boolean);
      assert.deepEqual(fromYaml, p.documents, `${p.entityRef}: the YAML is the documents`);
      for (const doc of fromYaml) {
        const res = await dryRun(doc);
        assert.equal(res.status, 201, `${p.entityRef} ${doc.kind}/${doc.metadata.name}: ${res.status} ${JSON.stringify(res.body?.message ?? res.body)}`);
        assert.equal(res.body.metadata.name, doc.metadata.name);
        accepted++;
      }
    }
    console.log(`  ${accepted} documents accepted by dry-run`);
    for (const doc of policies.flatMap(p => p.documents)) {
      const stored = await kube(admin(), 'GET', path(doc));
      assert.equal(stored.items.length, 0, `${doc.kind} stored by a dry-run`);
    }
  });

  it('a broken document is rejected by the same schemas (the check can fail)', async () => {
    const mtls = policies.flatMap(p => p.documents).find((d: any) => d.kind === 'MeshTLSAuthentication');
    const server = policies.flatMap(p => p.documents).find((d: any) => d.kind === 'Server');
    // MeshTLSAuthentication.spec.identities has minItems 1; Server.spec.port is required.
    const empty = await dryRun({ ...mtls, spec: { identities: [] } });
    const noPort = await dryRun({ ...server, spec: { ...server.spec, port: undefined } });
    console.log(`  broken: ${empty.status} ${empty.body.message}; ${noPort.status} ${noPort.body.message}`);
    assert.equal(empty.status, 422);
    assert.match(empty.body.message, /identities/);
    assert.equal(noPort.status, 422);
    assert.match(noPort.body.message, /port/);
  });
});
