import { RunbookStep } from '../../api/EntityMeshReport';
import { Service } from '../kube';
import { AnalyzedWorkload, ClusterMesh } from '../clusterMesh';
import { calledEndpoints, DEFAULT_OPAQUE_PORTS, DEFAULT_SERVER_SPEAKS_FIRST_PORTS } from '../opaquePorts';
import { resource, step } from './step';

function servicesOf(cluster: ClusterMesh, a: AnalyzedWorkload): Service[] {
  const labels = a.workload.template?.metadata?.labels ?? {};
  return cluster.services.filter(s => s.metadata.namespace === a.workload.namespace && Object.keys(s.spec.selector ?? {}).length > 0 && Object.entries(s.spec.selector ?? {}).every(([k, v]) => labels[k] === v));
}

/** Finding-driven steps first: opaque ports, native sidecar, what cannot be meshed. */
export function fixSteps(cluster: ClusterMesh, a: AnalyzedWorkload, serverSpeaksFirst: number[] = DEFAULT_SERVER_SPEAKS_FIRST_PORTS): RunbookStep[] {
  const w = a.workload;
  const ns = w.namespace;
  const out: RunbookStep[] = [];
  for (const f of a.findings) {
    if (f.code === 'opaque-ports-required' && / serves /.test(f.message)) {
      const ports = (w.template?.spec.containers ?? []).flatMap(c => c.ports ?? []).map(p => p.containerPort);
      const services = servicesOf(cluster, a);
      const patches = services.map(s => {
        const ops = (s.spec.ports ?? []).map((p, i) => ({ p, i })).filter(({ p }) => ports.includes(Number(p.targetPort ?? p.port)) && !DEFAULT_OPAQUE_PORTS.includes(p.port))
          .map(({ i }) => `{"op":"add","path":"/spec/ports/${i}/appProtocol","value":"linkerd.io/opaque"}`);
        return ops.length ? `kubectl -n ${ns} patch service ${s.metadata.name} --type=json -p '[${ops.join(',')}]'` : undefined;
      }).filter((c): c is string => Boolean(c));
      const list = [...DEFAULT_OPAQUE_PORTS, ...ports.filter(p => !DEFAULT_OPAQUE_PORTS.includes(p))].join(',');
      out.push(step('mesh-workloads', `opaque-ports-${ns}-${w.name}`, `Declare the server-speaks-first ports of ${w.name} opaque`,
        `${f.message} Declare it on the Service port; for unmeshed clients, headless Services or pod IPs also annotate the pods, with a value that keeps Linkerd's defaults.`,
        [...patches, `kubectl -n ${ns} patch ${resource(w.kind, w.name)} --type=merge -p '{"spec":{"template":{"metadata":{"annotations":{"config.linkerd.io/opaque-ports":"${list}"}}}}}'`],
        false, { verify: [`kubectl -n ${ns} get service -o jsonpath='{range .items[*].spec.ports[*]}{.port} {.appProtocol}{"\\n"}{end}'`], rollback: services.map(s => `kubectl -n ${ns} edit service ${s.metadata.name}  # remove appProtocol: linkerd.io/opaque`) }));
    }
    if (f.code === 'opaque-ports-required' && / calls /.test(f.message)) {
      const ops = new Map<string, { ns: string; name: string; indices: number[] }>();
      for (const c of calledEndpoints(w).filter(e => serverSpeaksFirst.includes(e.port))) {
        const [name, cns] = c.host.split('.');
        const svcNs = cns && cns !== 'svc' ? cns : ns;
        const svc = cluster.services.find(s => s.metadata.name === name && s.metadata.namespace === svcNs);
        const i = (svc?.spec.ports ?? []).findIndex(p => p.port === c.port);
        if (!svc || i < 0 || svc.spec.ports![i].appProtocol) continue;
        const key = `${svcNs}/${name}`;
        const entry = ops.get(key) ?? { ns: svcNs, name, indices: [] };
        if (!entry.indices.includes(i)) entry.indices.push(i);
        ops.set(key, entry);
      }
      if (ops.size > 0) {
        out.push(step('mesh-workloads', `opaque-calls-${ns}-${w.name}`, `Declare the server-speaks-first Service ports ${w.name} calls opaque`, f.message,
          [...ops.values()].map(o => `kubectl -n ${o.ns} patch service ${o.name} --type=json -p '[${o.indices.map(i => `{"op":"add","path":"/spec/ports/${i}/appProtocol","value":"linkerd.io/opaque"}`).join(',')}]'`),
          false, { rollback: [...ops.values()].map(o => `kubectl -n ${o.ns} edit service ${o.name}  # remove appProtocol: linkerd.io/opaque`) }));
      }
    }
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
