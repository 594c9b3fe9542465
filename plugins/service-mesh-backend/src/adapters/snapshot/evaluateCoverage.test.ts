// Metric names and labels follow their exporters: Traefik's `traefik_service_requests_total` with
// `service="<ns>-<svc>-<port>@kubernetes"` (traefik/traefik `pkg/metrics/prometheus.go`,
// `pkg/provider/kubernetes/ingress/kubernetes.go`), the NATS exporter's `gnatsd_varz_*` with `server_id`
// (nats-io/prometheus-nats-exporter `collector/collector.go`).
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { evaluateCoverage } from './evaluateCoverage';
import { parseOpenMetrics } from './parseOpenMetrics';

// The same expectations as test/integration/coverage.test.ts, where a real Prometheus answers the
// coverage queries over the same recording.
const CAPTURED_AT = Date.parse('2026-11-20T12:00:00Z') / 1000;
const recording = parseOpenMetrics(readFileSync(resolve(__dirname, '../../../../../examples/homelab/metrics/prometheus.om'), 'utf8'));

describe('evaluateCoverage on the homelab recording', () => {
  it('reads the recording without errors', () => {
    expect(recording.errors).toEqual([]);
  });

  it('finds the request-series pods, the Traefik services and the NATS exporter pods at the end of the recording', () => {
    const c = evaluateCoverage(recording.series, 'homelab', CAPTURED_AT);
    expect(c.podsWithRequestSeries.map(p => p.replace(/-[a-z0-9]+-[a-z0-9]+$/, ''))).toEqual(['auto-brand/experimentation', 'auto-brand/llm-service', 'auto-brand/orchestrator', 'auto-brand/orchestrator']);
    expect(c.ingressServices).toHaveLength(11);
    expect(c.ingressServices).toContain('auto-brand-web-ui-http@kubernetes');
    // Traefik's series carry the scraped pod (the community chart's kubernetes-pods job): one pod forwards to all 11.
    expect(new Set(c.ingressPods?.map(p => p.pod.replace(/-[a-z0-9]+-[a-z0-9]+$/, '')))).toEqual(new Set(['kube-system/traefik']));
    expect(c.ingressPods?.find(p => p.service === 'auto-brand-web-ui-http@kubernetes')).toBeDefined();
    expect(c.busExporterPods).toEqual(['auto-brand/nats-0', 'auto-brand/nats-1', 'auto-brand/nats-2']);
  });

  it('finds nothing an hour after the recording (Prometheus\'s 5-minute lookback)', () => {
    expect(evaluateCoverage(recording.series, 'homelab', CAPTURED_AT + 3600)).toEqual({ cluster: 'homelab', podsWithRequestSeries: [], ingressServices: [], ingressPods: [], busExporterPods: [] });
  });
});
