// The observability trigger's coverage queries on a real Prometheus, loaded (promtool backfill)
// with the homelab demo's recording: the fixed queries find the pods with their own request
// series, Traefik's per-service series and the NATS exporter's pods, the same sets the snapshot
// evaluator finds in the same file (plugins/service-mesh-backend/src/adapters/snapshot/
// evaluateCoverage.test.ts holds the same expectations).
// Upstream names: traefik/traefik `pkg/metrics/prometheus.go` (traefik_service_requests_total) and
// `pkg/provider/kubernetes/ingress/kubernetes.go` (service naming); nats-io/prometheus-nats-exporter
// `collector/collector.go` (gnatsd_varz_*).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COVERAGE_QUERIES, ingressPodsOf, podOf } from '../../plugins/service-mesh-backend/src/adapters/prometheus/coverageQueries.ts';
import { instantQuery, startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';
import { REPO } from '../support/backend.ts';

const CAPTURED_AT = Date.parse('2026-11-20T12:00:00Z') / 1000;
const sorted = (xs: Array<string | undefined>) => [...new Set(xs.filter(Boolean))].sort();

describe('coverage queries on a real Prometheus with the homelab recording', () => {
  let prom: RunningPrometheus;
  before(async () => { prom = await startPrometheus(readFileSync(join(REPO, 'examples/homelab/metrics/prometheus.om'), 'utf8')); });
  after(async () => prom?.stop());

  it('finds the pods that export their own request series', async () => {
    const pods = sorted((await instantQuery(prom.url, COVERAGE_QUERIES.requestPods, CAPTURED_AT)).map(s => podOf(s.metric)));
    assert.deepEqual(pods.map(p => p!.replace(/-[a-z0-9]+-[a-z0-9]+$/, '')), ['auto-brand/experimentation', 'auto-brand/llm-service', 'auto-brand/orchestrator', 'auto-brand/orchestrator']);
  });

  it("finds Traefik's per-service series, named <namespace>-<service>-<port>@kubernetes", async () => {
    const services = sorted((await instantQuery(prom.url, COVERAGE_QUERIES.ingressServices, CAPTURED_AT)).map(s => s.metric.service));
    assert.equal(services.length, 11);
    assert.ok(services.includes('auto-brand-web-ui-http@kubernetes'), services.join(', '));
    // …with the Traefik pod that forwards to each (what names the unmeshed caller in the traffic graph).
    const pods = ingressPodsOf((await instantQuery(prom.url, COVERAGE_QUERIES.ingressServices, CAPTURED_AT)).map(s => s.metric));
    assert.equal(pods.length, 11);
    assert.deepEqual([...new Set(pods.map(p => p.pod.replace(/-[a-z0-9]+-[a-z0-9]+$/, '')))], ['kube-system/traefik']);
  });

  it("finds the NATS exporter's pods", async () => {
    const pods = sorted((await instantQuery(prom.url, COVERAGE_QUERIES.busExporterPods, CAPTURED_AT)).map(s => podOf(s.metric)));
    assert.deepEqual(pods, ['auto-brand/nats-0', 'auto-brand/nats-1', 'auto-brand/nats-2']);
  });

  it('finds nothing an hour after the recording (5-minute lookback, as the snapshot evaluator applies)', async () => {
    assert.deepEqual(await instantQuery(prom.url, COVERAGE_QUERIES.busExporterPods, CAPTURED_AT + 3600), []);
  });
});
