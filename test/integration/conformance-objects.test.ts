// Issue 13, Kubernetes-object items 4, 5, 9 and 11: `meshlens assess` on small snapshots built for
// each (test/fixtures/conformance/, written by generate.py there) gives Linkerd's answers. The
// rules and their upstream sources (linkerd2 edge-25.10.7) are cited in the unit tests:
// item 4 plugins/service-mesh-common/src/domain/opaquePorts.test.ts (pkg/inject/inject.go,
// pkg/util/parsing.go, policy-controller/k8s/index/src/outbound/index.rs), item 5
// podMesh.test.ts (controller/k8s/api.go isPendingOrRunning, viz/metrics-api/stat_summary.go),
// item 11 preAdoption.test.ts (charts/linkerd-control-plane/values.yaml namespaceSelector), item 9
// linkerdCertificates.test.ts (pkg/healthcheck/healthcheck.go, pkg/issuercerts/issuercerts.go).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../support/backend.ts';

const assess = (item: string) => {
  const r = spawnSync(process.execPath, [join(REPO, '.yarn/releases/yarn-4.13.0.cjs'), 'meshlens', 'assess', '--snapshot', `test/fixtures/conformance/${item}`, '--format', 'json'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.deepEqual(result.errors, []);
  const entity = (name: string) => {
    const e = result.entities.find((x: any) => x.entityRef.endsWith(`:default/${name}`));
    assert.ok(e, `no entity ${name}`);
    return e;
  };
  const findings = (name: string) => entity(name).findings.filter((f: any) => f.workload).map((f: any) => [f.code, f.severity]);
  return { result, entity, findings };
};

describe('conformance: Kubernetes objects (issue 13 items 4, 5, 9, 11)', () => {
  it('item 4, opaque ports: the annotation replaces the default list and its own ports are opaque', () => {
    const { result, entity, findings } = assess('item4-opaque-ports');
    assert.equal(result.clusters[0].linkerdInstalled, true);
    // NATS annotated 4222,6222: fine; 8222 is HTTP monitoring, not server-speaks-first.
    assert.deepEqual(findings('nats'), []);
    // MySQL annotated 4222 lost 3306 from the defaults.
    assert.deepEqual(findings('mysql'), [['opaque-ports-required', 'warning']]);
    assert.match(entity('mysql').findings[0].message, /port 3306 .*"4222" replaces Linkerd's default opaque ports/);
    // Its caller goes through a Service whose port 3306 is opaque by the default list.
    assert.deepEqual(findings('orders'), []);
    // 6379 skipped inbound: the proxy never sees it.
    assert.deepEqual(findings('redis-cache'), []);
    // Unmeshed and not to be injected, in a meshed cluster: advice.
    assert.deepEqual(findings('old-mysql'), [['opaque-ports-required', 'info']]);
  });

  it('item 5, pods counted as linkerd viz stat counts them: Pending or Running and not terminating; Failed apart', () => {
    const { entity, findings } = assess('item5-pod-counting');
    const report = entity('report');
    assert.equal(report.state, 'meshed');
    assert.deepEqual(report.workloads.map((w: any) => [w.kind, w.state, w.meshedPods, w.totalPods, w.failedPods, w.nativeSidecar]), [['CronJob', 'meshed', 1, 1, 1, true]]);
    assert.deepEqual(findings('report'), []);
    const frontend = entity('frontend');
    assert.equal(frontend.state, 'meshed');
    assert.deepEqual(frontend.workloads.map((w: any) => [w.kind, w.state, w.meshedPods, w.totalPods, w.failedPods]), [['Deployment', 'meshed', 2, 2, undefined]]);
    assert.deepEqual(findings('frontend'), []);
    assert.ok(!frontend.runbook.steps.some((s: any) => s.id === 'rollout-web-frontend' && !s.done), 'no restart asked');
  });

  it('item 11, pre-adoption: Jobs and CronJobs the runbook will mesh get native-sidecar-recommended, as NATS gets opaque-ports-required', () => {
    const { result, findings } = assess('item11-pre-adoption');
    assert.equal(result.clusters[0].linkerdInstalled, false);
    assert.deepEqual(findings('analytics'), [['native-sidecar-recommended', 'warning']]);
    assert.deepEqual(findings('migrate'), [['native-sidecar-recommended', 'warning']]);
    assert.deepEqual(findings('nats'), [['opaque-ports-required', 'warning']]);
    // Near misses: the native sidecar already asked for ("True", as Go's ParseBool reads it), and
    // a Job in kube-system, which the injector never sees.
    assert.deepEqual(findings('reindex'), []);
    assert.deepEqual(findings('helm-install-traefik'), []);
  });

  it('item 9, certificates without Secrets: the issuer from cert-manager, webhooks from cert-manager or the caBundle', () => {
    const { result, entity } = assess('item9-certificates');
    const cluster = result.clusters[0];
    assert.deepEqual(cluster.issuerCertificate, { source: 'cert-manager', certificate: 'linkerd/linkerd-identity-issuer', notBefore: '2026-11-19T23:00:00Z', notAfter: '2026-11-21T23:00:00Z', renewalTime: '2026-11-20T22:00:00Z', ready: true });
    assert.deepEqual(cluster.webhookCertificates.map((w: any) => [w.webhook, w.source, w.notAfter]), [['proxy-injector', 'cert-manager', '2026-12-20T12:00:00Z'], ['sp-validator', 'caBundle', '2027-11-17T09:00:00.000Z']]);
    // The 48h issuer that cert-manager renews raises nothing; the proxy-injector certificate has 30 days left.
    assert.deepEqual(cluster.findings.map((f: any) => [f.code, f.severity]), [['certificate-expiring', 'warning']]);
    assert.match(cluster.findings[0].message, /linkerd check: "proxy-injector cert is valid for at least 60 days": certificate will expire on 2026-12-20T12:00:00Z/);
    assert.deepEqual(entity('web').findings.map((f: any) => f.code), ['certificate-expiring']);
  });
});
