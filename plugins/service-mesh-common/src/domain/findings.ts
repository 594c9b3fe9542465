import { Finding } from '../api/EntityMeshReport';
import { ControlPlane } from './controlPlane';
import { wantsProxy } from './injection';
import { WorkloadMesh } from './workloadMesh';

function where(m: WorkloadMesh) {
  const r = m.report;
  return { cluster: r.cluster, namespace: r.namespace, workload: `${r.kind}/${r.name}` };
}

function label(m: WorkloadMesh): string {
  return `${m.report.kind} ${m.report.namespace}/${m.report.name}`;
}

/** Findings about one workload that need only the Kubernetes API. */
export function workloadFindings(m: WorkloadMesh, cp: ControlPlane): Finding[] {
  const out: Finding[] = [];
  const at = where(m);
  const counted = m.pods.filter(p => p.counted);
  const otherMesh = m.pods.find(p => p.otherMesh)?.otherMesh;
  if (otherMesh) {
    out.push({ code: 'other-mesh-present', severity: 'error', ...at,
      message: otherMesh === 'Istio'
        ? `${label(m)} runs an Istio sidecar; Linkerd's injector skips pods that already have one, so it stays outside the Linkerd mesh: two meshes must not proxy the same pod.`
        : `${label(m)} runs a ${otherMesh} sidecar; Linkerd's injector does not detect it and would inject a second proxy: two meshes must not proxy the same pod.` });
  }
  if (m.pods.some(p => p.hostNetwork)) {
    out.push({ code: 'host-network-unsupported', severity: 'warning', ...at,
      message: `${label(m)} uses hostNetwork: Linkerd refuses to inject it, so its traffic stays outside the mesh.` });
  }
  const udp = [...new Set(m.pods.flatMap(p => p.udpPorts))].sort((a, b) => a - b);
  if (udp.length > 0) {
    out.push({ code: 'udp-not-proxied', severity: 'warning', ...at,
      message: `${label(m)} declares UDP port${udp.length > 1 ? 's' : ''} ${udp.join(', ')}: Linkerd proxies only TCP, so that traffic is neither encrypted nor measured.` });
  }
  const unmeshed = counted.filter(p => !p.meshed).length;
  if (cp.installed && wantsProxy(m.intent) && unmeshed > 0 && !m.pods.some(p => p.hostNetwork)) {
    out.push({ code: 'injection-pending-restart', severity: 'warning', ...at,
      message: `${unmeshed} of ${counted.length} pods of ${label(m)} run without the proxy although injection is ${m.intent}: restart the workload so new pods are injected.` });
  }
  const drifted = [...new Set(counted.filter(p => p.meshed && p.proxyVersion && p.proxyVersion !== cp.version).map(p => p.proxyVersion))];
  if (cp.version && drifted.length > 0) {
    out.push({ code: 'proxy-version-drift', severity: 'warning', ...at,
      message: `${label(m)} runs proxy ${drifted.join(', ')} while the control plane is ${cp.version}: restart it to pick up the current proxy.` });
  }
  const isJob = m.report.kind === 'Job' || m.report.kind === 'CronJob';
  // Before Linkerd is installed, the adoption runbook meshes every workload not kept out.
  const runbookMeshes = !cp.installed && m.injectable !== false && m.intent !== 'disabled' && !otherMesh && !m.pods.some(p => p.hostNetwork);
  const willMesh = m.report.meshedPods > 0 || (cp.installed && wantsProxy(m.intent)) || runbookMeshes;
  const nativeRunning = m.pods.some(p => p.meshed && p.nativeSidecar);
  if (isJob && willMesh && !m.nativeSidecarRequested && !nativeRunning) {
    out.push({ code: 'native-sidecar-recommended', severity: 'warning', ...at,
      message: `${label(m)} is meshed (or will be) with the classic sidecar, which keeps Job pods running after the job ends: enable the native sidecar (config.beta.linkerd.io/proxy-enable-native-sidecar: "true").` });
  }
  return out;
}
