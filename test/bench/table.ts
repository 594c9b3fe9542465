// The printed table: one column per measured system and size, one row per figure.
import type { ScenarioResult } from './scenario.ts';
import type { Target } from './report.ts';
import { CONNECTIONS } from './sizes.ts';

const C = `${CONNECTIONS} connections`;

type Column = { title: string; cells: Record<string, string> };

const f = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(digits));

function meshlensColumn(s: ScenarioResult): Column {
  const m = s.meshlens;
  return {
    title: `Meshlens ${s.pods / 1000}k pods`,
    cells: {
      'cluster objects created (s)': f(s.clusterCreateSeconds), 'backend boot to ready (s)': f(s.bootSeconds), 'catalog ingested (s)': f(s.catalogSeconds),
      'caches synced, from 1st request (s)': f(m.syncSeconds, 2), 'RSS before caches, after GC (MiB)': f(m.rssBeforeMiB, 0), 'RSS after sync, after GC (MiB)': f(m.rssSyncedMiB, 0),
      'RSS growth from caches (MiB)': f(m.rssSyncedMiB - m.rssBeforeMiB, 0), 'V8 heap before / after sync (MiB)': `${f(m.heapBeforeMiB, 0)} / ${f(m.heapSyncedMiB, 0)}`,
      'RSS after load, no GC (MiB)': f(m.rssAfterLoadMiB, 0),
      ...loadCells(m.load, m.single),
      ...apiCells(m.api, m.load.sent),
      'Prometheus queries during load': String(m.prometheus.query + m.prometheus.queryRange), 'Prometheus queries / refresh cycle': `${f(m.prometheus.perCycle)} (batch ${m.prometheusBatch})`,
      'loopback HTTP calls / request under load': f(m.loopback.load.perRequest, 4), 'loopback HTTP calls / cached request': `${f(m.loopback.cached.requestPathPerRequest, 4)} (${f(m.loopback.cached.perRequest, 4)} with reloads)`,
    },
  };
}

/** Meshlens / floor: throughput above 1 and latencies below 1 beat the floor. */
function vsFloorColumn(title: string, v: ScenarioResult['vsFloor']): Column {
  return { title, cells: { '1 connection: p50 / p99 (ms)': `${f(v.singleP50, 2)} (p50)`, [`${C}: throughput (req/s)`]: f(v.throughput, 2), [`${C}: p99 (ms)`]: f(v.p99, 2) } };
}

function variantColumns(s: ScenarioResult): Column[] {
  return (s.variants ?? []).flatMap(v => [
    { title: `Meshlens ${v.name}`, cells: { ...loadCells(v.meshlens.load, v.meshlens.single), 'loopback HTTP calls / request under load': f(v.loopback.perRequest, 4) } },
    { title: `catalog read ${v.name}`, cells: loadCells(v.floorLoads.load, v.floorLoads.single) },
    vsFloorColumn(`Meshlens/floor ${v.name}`, v.vsFloor),
  ]);
}

function loadCells(l: ScenarioResult['meshlens']['load'], single: ScenarioResult['meshlens']['load']) {
  return {
    '1 connection: p50 / p99 (ms)': `${single.p50} / ${single.p99}`, '1 connection: throughput (req/s)': f(single.rps),
    [`${C}: requests sent / answered`]: `${l.sent} / ${l.requests}`, [`${C}: throughput (req/s)`]: f(l.rps), [`${C}: p50 (ms)`]: String(l.p50), [`${C}: p90 (ms)`]: String(l.p90),
    [`${C}: p99 (ms)`]: String(l.p99), [`${C}: max (ms)`]: String(l.max), 'errors / timeouts / non-2xx': `${l.errors} / ${l.timeouts} / ${l.non2xx}`, 'load average at start (1 min)': f(l.loadavgBefore, 2),
  };
}

function apiCells(api: ScenarioResult['meshlens']['api'], sent: number) {
  return {
    'K8s API requests by the plugin token': String(api.serviceAccount), 'K8s API requests / entity request': f(api.serviceAccount / sent, 4),
    'K8s API GET/LIST, every client': String(api.reads),
  };
}

function kubernetesColumn(s: ScenarioResult): Column {
  const k = s.kubernetes!;
  return {
    title: `K8s backend ${s.pods / 1000}k pods`,
    cells: { ...loadCells(k.load, k.single), ...apiCells(k.api, k.load.sent) },
  };
}

/** The table of every scenario, ratio column for the last one that ran both plugins. */
export function formatTable(scenarios: ScenarioResult[], ratio?: Record<string, number>): string {
  const columns: Column[] = [];
  for (const s of scenarios) {
    columns.push(meshlensColumn(s));
    columns.push({ title: `catalog read ${s.pods / 1000}k pods`, cells: loadCells(s.floorLoads.load, s.floorLoads.single) });
    columns.push(vsFloorColumn(`Meshlens/floor ${s.pods / 1000}k`, s.vsFloor));
    if (s.kubernetes) columns.push(kubernetesColumn(s));
  }
  if (ratio) {
    columns.push({ title: 'ratio Meshlens/K8s', cells: { [`${C}: p50 (ms)`]: f(ratio.p50, 4), [`${C}: p99 (ms)`]: f(ratio.p99, 4), [`${C}: throughput (req/s)`]: f(ratio.throughput, 2), 'K8s API requests / entity request': f(ratio.apiRequestsPerEntityRequest, 4) } });
  }
  for (const s of scenarios) columns.push(...variantColumns(s));
  const rows = [...new Set(columns.flatMap(c => Object.keys(c.cells)))];
  const width = Math.max(...rows.map(r => r.length));
  const widths = columns.map(c => Math.max(c.title.length, ...Object.values(c.cells).map(v => v.length)));
  const line = (label: string, cells: string[]) => `| ${label.padEnd(width)} | ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  return [
    line('', columns.map(c => c.title)),
    `|${'-'.repeat(width + 2)}|${widths.map(w => `${'-'.repeat(w + 1)}:`).join('|')}|`,
    ...rows.map(r => line(r, columns.map(c => c.cells[r] ?? ''))),
  ].join('\n');
}

export function formatTargets(list: Target[]): string {
  return list.map(t => `${t.pass ? 'PASS' : 'MISS'}  ${t.name}: ${t.figure}`).join('\n');
}
