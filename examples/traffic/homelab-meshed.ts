// The declared traffic of auto-brand in the homelab-meshed demo, turned into the snapshot's
// metrics/traffic.om: web-ui reached from Traefik in plaintext, east-west all mTLS, llm-service
// failing a few percent, experimentation still unmeshed (plaintext from orchestrator), NATS and
// PostgreSQL as TCP. Run: node examples/traffic/homelab-meshed.ts (Node 22).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { toOpenMetrics, type ModelEdge, type ModelWorkload } from './openMetrics.ts';

const DIR = resolve(import.meta.dirname, '../homelab-meshed');
const capturedAt = Date.parse(String((parseAllDocuments(readFileSync(join(DIR, 'snapshot.yaml'), 'utf8'))[0].toJS() as any).capturedAt)) / 1000;
const objects = parseAllDocuments(readFileSync(join(DIR, 'cluster/namespaces/auto-brand.yaml'), 'utf8')).map(d => d.toJS() as any);

/** Running pods of a workload in the snapshot, so metrics name real pods. */
function pods(kind: ModelWorkload['kind'], name: string): string[] {
  const owners = kind === 'deployment'
    ? new Set(objects.filter(o => o.kind === 'ReplicaSet' && o.metadata.ownerReferences?.[0]?.name === name).map(o => o.metadata.name))
    : new Set([name]);
  return objects
    .filter(o => o.kind === 'Pod' && o.status?.phase === 'Running' && owners.has(o.metadata.ownerReferences?.[0]?.name))
    .map(o => o.metadata.name)
    .sort();
}

const w = (kind: ModelWorkload['kind'], name: string, meshed = true): ModelWorkload => ({ namespace: 'auto-brand', kind, name, pods: pods(kind, name), meshed });
const webUi = w('deployment', 'web-ui');
const orchestrator = w('deployment', 'orchestrator');
const llm = w('deployment', 'llm-service');
const video = w('deployment', 'video-service');
const publisher = w('deployment', 'publisher');
const experimentation = w('deployment', 'experimentation', false);
const nats = w('statefulset', 'nats');
const postgres = w('statefulset', 'auto-brand-postgres');

const http = (from: ModelEdge['from'], to: ModelWorkload, rps: number, failureRatio: number, [p50, p95, p99]: number[], tls = true): ModelEdge => ({
  from, to, rps, failureRatio, tls, latency: [[p50 / 4, 0], [p50, 0.5], [p95, 0.95], [p99, 0.99], [p99 * 2, 1]],
});
const tcp = (from: ModelWorkload, to: ModelWorkload): ModelEdge => ({ from, to, protocol: 'tcp', rps: 0, failureRatio: 0, latency: [[1, 1]], tls: true });

const edges: ModelEdge[] = [
  http({ unmeshed: 'traefik' }, webUi, 8, 0.002, [25, 120, 300], false),
  http(webUi, orchestrator, 6, 0.005, [40, 200, 450]),
  http(orchestrator, llm, 1.5, 0.03, [800, 2500, 4500]),
  http(orchestrator, video, 0.4, 0.01, [1500, 4000, 8000]),
  http(orchestrator, publisher, 0.8, 0.005, [60, 250, 600]),
  http(orchestrator, experimentation, 2, 0, [15, 60, 120]),
  ...[orchestrator, llm, video, publisher].map(from => tcp(from, nats)),
  tcp(orchestrator, postgres),
];

// The issuer certificate was issued for a year at install (2026-11-17).
const text = toOpenMetrics({ start: capturedAt - 3660, durationSeconds: 3660, stepSeconds: 60, edges, issuerTtlSeconds: Date.parse('2027-11-17T09:00:00Z') / 1000 - (capturedAt - 3660) });
mkdirSync(join(DIR, 'metrics'), { recursive: true });
writeFileSync(join(DIR, 'metrics/traffic.om'), text);
console.log(`metrics/traffic.om: ${text.split('\n').length} lines, ${(text.length / 1e6).toFixed(1)} MB`);
