import { RunbookStep } from '../../api/EntityMeshReport';
import { AnalyzedWorkload, ClusterMesh, opaqueContext } from '../clusterMesh';
import { DEFAULT_SERVER_SPEAKS_FIRST_PORTS, opaqueGaps } from '../opaquePorts';
import { resource, step } from './step';

const patchOpaque = (ns: string, service: string, indices: number[]) =>
  `kubectl -n ${ns} patch service ${service} --type=json -p '[${indices.map(i => `{"op":"add","path":"/spec/ports/${i}/appProtocol","value":"linkerd.io/opaque"}`).join(',')}]'`;

/** Finding-driven steps first: opaque ports, native sidecar, what cannot be meshed. */
export function fixSteps(cluster: ClusterMesh, a: AnalyzedWorkload, serverSpeaksFirst: number[] = DEFAULT_SERVER_SPEAKS_FIRST_PORTS): RunbookStep[] {
  const w = a.workload;
  const ns = w.namespace;
  const out: RunbookStep[] = [];
  // The same gaps the opaque-ports-required finding reports, as structured data.
  const gaps = opaqueGaps(w, {
    ...opaqueContext(cluster.controlPlane, a.mesh),
    services: cluster.services,
    namespaceAnnotations: cluster.namespaces.find(n => n.name === ns)?.annotations,
    ports: serverSpeaksFirst,
  });
  const finding = a.findings.find(f => f.code === 'opaque-ports-required');
  if (gaps.served.length > 0) {
    const patches = gaps.services.flatMap(s => {
      const indices = (s.spec.ports ?? []).flatMap((p, i) => (gaps.served.includes(Number(p.targetPort ?? p.port)) ? [i] : []));
      return indices.length ? [patchOpaque(ns, s.metadata.name, indices)] : [];
    });
    // The annotation replaces the list in force: keep it, add the missing ports.
    const list = [...new Set([...gaps.opaque, ...gaps.served])].sort((x, y) => x - y).join(',');
    out.push(step('mesh-workloads', `opaque-ports-${ns}-${w.name}`, `Declare the server-speaks-first ports of ${w.name} opaque`,
      `${finding?.message ?? ''} Declare it on the Service port; for unmeshed clients, headless Services or pod IPs also annotate the pods, with a value that keeps Linkerd's defaults.`.trim(),
      [...patches, `kubectl -n ${ns} patch ${resource(w.kind, w.name)} --type=merge -p '{"spec":{"template":{"metadata":{"annotations":{"config.linkerd.io/opaque-ports":"${list}"}}}}}'`],
      false, { verify: [`kubectl -n ${ns} get service -o jsonpath='{range .items[*].spec.ports[*]}{.port} {.appProtocol}{"\\n"}{end}'`], rollback: gaps.services.map(s => `kubectl -n ${ns} edit service ${s.metadata.name}  # remove appProtocol: linkerd.io/opaque`) }));
  }
  const called = new Map<string, { ns: string; name: string; indices: number[] }>();
  for (const c of gaps.calls) {
    const i = (c.service?.spec.ports ?? []).findIndex(p => p.port === c.port);
    if (!c.service || i < 0) continue;
    const key = `${c.service.metadata.namespace}/${c.service.metadata.name}`;
    const entry = called.get(key) ?? { ns: c.service.metadata.namespace ?? ns, name: c.service.metadata.name, indices: [] };
    if (!entry.indices.includes(i)) entry.indices.push(i);
    called.set(key, entry);
  }
  if (called.size > 0) {
    out.push(step('mesh-workloads', `opaque-calls-${ns}-${w.name}`, `Declare the server-speaks-first Service ports ${w.name} calls opaque`, finding?.message ?? '',
      [...called.values()].map(o => patchOpaque(o.ns, o.name, o.indices)),
      false, { rollback: [...called.values()].map(o => `kubectl -n ${o.ns} edit service ${o.name}  # remove appProtocol: linkerd.io/opaque`) }));
  }
  for (const f of a.findings) {
    if (f.code === 'host-network-unsupported' || f.code === 'udp-not-proxied' || f.code === 'other-mesh-present') {
      out.push(step('mesh-workloads', `${f.code}-${ns}-${w.name}`, `Decide about ${w.name}: ${f.code}`, f.message,
        f.code === 'other-mesh-present' ? [`# remove the other mesh from ${ns}/${w.name} first; two meshes must not proxy one pod`] : [`kubectl -n ${ns} annotate ${resource(w.kind, w.name)} linkerd.io/inject=disabled  # keep it out of the mesh, accepted`],
        false));
    }
  }
  const native = a.mesh.nativeSidecarRequested || a.mesh.report.nativeSidecar;
  // Jobs are meshed by this runbook too: the native-sidecar step is there, done once it runs.
  if (w.kind === 'CronJob' || w.kind === 'Job') {
    const path = w.kind === 'CronJob' ? '{"spec":{"jobTemplate":{"spec":{"template":{"metadata":{"annotations":{"config.beta.linkerd.io/proxy-enable-native-sidecar":"true"}}}}}}}' : '{"spec":{"template":{"metadata":{"annotations":{"config.beta.linkerd.io/proxy-enable-native-sidecar":"true"}}}}}';
    out.push(step('mesh-workloads', `native-sidecar-${ns}-${w.name}`, `Run ${w.name}'s proxy as a native sidecar`,
      'Jobs hang on the classic sidecar: the proxy keeps the pod running after the job ends. The native sidecar (Kubernetes 1.29+) stops with it.',
      [`kubectl -n ${ns} patch ${resource(w.kind, w.name)} --type=merge -p '${path}'`], native,
      { rollback: [`kubectl -n ${ns} patch ${resource(w.kind, w.name)} --type=json -p '[{"op":"remove","path":"${w.kind === 'CronJob' ? '/spec/jobTemplate/spec/template' : '/spec/template'}/metadata/annotations/config.beta.linkerd.io~1proxy-enable-native-sidecar"}]'`] }));
  }
  return out;
}
