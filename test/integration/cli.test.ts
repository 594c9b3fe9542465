// The offline command on the demo snapshot: the contract for every entity, named errors and
// exit codes (product.md §6).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { REPO } from '../support/backend.ts';

const meshlens = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(REPO, '.yarn/releases/yarn-4.13.0.cjs'), 'meshlens', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** The refs of the catalog entities of system auto-brand, read from the snapshot's catalog file. */
function autoBrandRefs(file: string): Set<string> {
  const docs = parseAllDocuments(readFileSync(join(REPO, file), 'utf8')).map(d => d.toJS());
  return new Set(docs.filter(d => /\/auto-brand$/.test(d.spec?.system ?? '')).map(d => `${d.kind.toLowerCase()}:${d.metadata.namespace}/${d.metadata.name}`));
}

describe('meshlens assess', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the report contract for every entity of the snapshot, exit 0', () => {
    const { code, out } = meshlens('assess', '--snapshot', 'examples/homelab', '--format', 'json');
    assert.equal(code, 0);
    const result = JSON.parse(out);
    assert.equal(result.entities.length, 44);
    for (const e of result.entities) {
      for (const key of ['entityRef', 'generatedAt', 'state', 'workloads', 'findings', 'adoption', 'runbook', 'errors']) assert.ok(key in e, `${e.entityRef} lacks ${key}`);
    }
    const orchestrator = result.entities.find((e: any) => e.entityRef === 'component:default/orchestrator');
    assert.deepEqual([orchestrator.state, orchestrator.workloads[0].totalPods], ['unmeshed', 2]);
    assert.deepEqual(result.errors, []);
  });

  it('reproduces the founding verdict on homelab: auto-brand prepare, everything else not-yet, the cluster not-yet at about 1.5 GB', () => {
    const result = JSON.parse(meshlens('assess', '--snapshot', 'examples/homelab', '--format', 'json').out);
    const autoBrand = autoBrandRefs('examples/homelab/catalog/auto-brand.yaml');
    assert.equal(autoBrand.size, 9);
    const by = (pick: (ref: string) => boolean) => result.entities.filter((e: any) => pick(e.entityRef)).map((e: any) => [e.entityRef, e.adoption.recommendation]);
    assert.deepEqual(by(r => autoBrand.has(r)).filter(([, rec]: string[]) => rec !== 'prepare'), []);
    assert.equal(by(r => autoBrand.has(r)).length, 9);
    assert.deepEqual(by(r => !autoBrand.has(r)).filter(([, rec]: string[]) => rec !== 'not-yet'), []);
    // Each auto-brand entity names its closest trigger and what would change it.
    for (const e of result.entities.filter((x: any) => autoBrand.has(x.entityRef))) {
      assert.match(e.adoption.explanation, /The closest trigger is observability .* at 83 % of its bar .*publisher, auto-brand\/video-service\)\. What would change it: 1 more interacting workload/, e.entityRef);
    }
    const cluster = result.clusters[0].adoption;
    assert.equal(cluster.recommendation, 'not-yet');
    assert.ok(cluster.cost.totalMemoryMiB >= 1200 && cluster.cost.totalMemoryMiB <= 2100, String(cluster.cost.totalMemoryMiB));
    assert.deepEqual(cluster.triggers.map((t: any) => [t.id, t.fired]), [['scale', false], ['multi-team', false], ['compliance', false], ['canary', false], ['observability', false]]);
    assert.equal(cluster.closestSystems[0].ref, 'system:default/auto-brand');
    assert.equal(cluster.closestSystems[0].recommendation, 'prepare');
  });

  it('keeps already-meshed for auto-brand on homelab-meshed (experimentation, not restarted yet, is unmeshed)', () => {
    const result = JSON.parse(meshlens('assess', '--snapshot', 'examples/homelab-meshed', '--format', 'json').out);
    const autoBrand = autoBrandRefs('examples/homelab-meshed/catalog/auto-brand.yaml');
    const recs = result.entities.filter((e: any) => autoBrand.has(e.entityRef)).map((e: any) => [e.entityRef.split('/')[1], e.adoption.recommendation]);
    assert.deepEqual(recs.filter(([name]: string[]) => name !== 'experimentation').filter(([, rec]: string[]) => rec !== 'already-meshed'), []);
    assert.equal(recs.length, 9);
    assert.equal(result.clusters[0].adoption.recommendation, 'already-meshed');
  });

  it('opens the Markdown report with the cluster verdict; docs/homelab-evaluation.md is that report', () => {
    const { code, out } = meshlens('assess', '--snapshot', 'examples/homelab', '--format', 'markdown');
    assert.equal(code, 0);
    const lines = out.split('\n');
    assert.equal(lines[2], '## Should cluster homelab adopt a service mesh?');
    assert.match(lines[4], /^\*\*Not yet\.\*\* Cluster homelab .* The system closest to needing one is auto-brand \(prepare\).* Meshing the cluster would cost about \d+ MiB/);
    assert.equal(out, readFileSync(join(REPO, 'docs/homelab-evaluation.md'), 'utf8'), 'run `yarn docs:evaluation`: docs/homelab-evaluation.md differs from the CLI output');
  });

  it('homelab-meshed (probes, admin port and TCP families in its metrics): 100 % inbound mTLS, no plaintext finding', () => {
    // Conformance item 1 (linkerd2 `policy-controller/k8s/index/src/inbound/index.rs`: the `probe` route)
    // and item 2 (TCP-only NATS from the TCP families): the demo carries both.
    const { code, out } = meshlens('assess', '--snapshot', 'examples/homelab-meshed', '--format', 'json');
    assert.equal(code, 0);
    const byRef = new Map(JSON.parse(out).entities.map((e: any) => [e.entityRef, e]));
    const orchestrator: any = byRef.get('component:homelab-meshed/orchestrator');
    assert.equal(orchestrator.mtls.inboundTlsRatio, 1);
    assert.ok(orchestrator.mtls.excluded.find((x: any) => x.kind === 'probe').requests > 0);
    assert.ok(!orchestrator.findings.some((f: any) => f.code === 'plaintext-inbound'));
    const nats: any = byRef.get('resource:homelab-meshed/nats');
    assert.deepEqual([nats.mtls.inboundTlsRatio, nats.mtls.tcp.inboundTlsRatio, nats.mtls.inboundRequests], [1, 1, 0]);
  });

  it('assesses one entity, in Markdown', () => {
    const { code, out } = meshlens('assess', '--snapshot', 'examples/homelab-meshed', '--entity', 'component:homelab-meshed/experimentation', '--format', 'markdown');
    assert.equal(code, 0);
    assert.match(out, /\| component:homelab-meshed\/experimentation \| unmeshed \| 0\/1 \| prepare \| \d+ \| injection-pending-restart \|/);
  });

  it('names a malformed file with its line and exits 1, still assessing the rest', () => {
    cpSync(join(REPO, 'examples/homelab'), join(dir, 'homelab'), { recursive: true });
    writeFileSync(join(dir, 'homelab/cluster/broken.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n');
    const { code, out } = meshlens('assess', '--snapshot', join(dir, 'homelab'));
    assert.equal(code, 1);
    const result = JSON.parse(out);
    assert.deepEqual(result.errors.map((e: any) => e.source), ['cluster:homelab/snapshot:cluster/broken.yaml']);
    assert.match(result.errors[0].message, /^line \d+: /);
    assert.equal(result.entities.length, 44);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(meshlens('assess').code, 2);
    assert.equal(meshlens('assess', '--snapshot', 'examples/homelab', '--format', 'xml').code, 2);
    assert.equal(meshlens('frobnicate').code, 2);
    assert.equal(meshlens('assess', '--snapshot', 'examples/homelab', '--entity', 'component:default/nope').code, 2);
  });
});
