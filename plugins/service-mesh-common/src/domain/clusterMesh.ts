import { ClusterMeshSummary, Finding } from '../api/EntityMeshReport';
import { ControlPlane, detectControlPlane } from './controlPlane';
import { clusterFindings } from './clusterFindings';
import { issuerCertificateFindings, webhookCertificateFindings } from './certificateFindings';
import { issuerFromCertManager, issuerUnknown, webhookCertificates } from './linkerdCertificates';
import { workloadFindings } from './findings';
import { KUBERNETES_ANNOTATIONS } from './entityMatch';
import { workloadPolicy } from './workloadPolicy';
import { ClusterFacts, clusterFacts } from './clusterFacts';
import { DEFAULT_ADOPTION_CONFIG } from './adoption/adoptionConfig';
import { DEFAULT_SERVER_SPEAKS_FIRST_PORTS, opaquePortFindings } from './opaquePorts';
import { injectionIntent, injectorSeesNamespace, wantsProxy } from './injection';
import { ClusterSnapshot, MonitorObjects, Service } from './kube';
import { classifyWorkload, WorkloadMesh } from './workloadMesh';
import { discoverWorkloads, Workload } from './workloads';
import { tracingConfig } from './tracing/tracingConfig';
import { workloadTracing } from './tracing/workloadTracing';
import { egressNetworks } from './egress/egressNetworks';
import { LINKERD } from './linkerdLabels';
import { ClusterMulticluster, clusterMulticluster } from './multicluster/clusterMulticluster';
import { externalWorkloadOf, ExternalWorkloadMesh } from './meshExpansion/externalWorkloads';

/** A workload with its mesh classification and findings. */
export interface AnalyzedWorkload {
  workload: Workload;
  mesh: WorkloadMesh;
  findings: Finding[];
}

/** Everything computed once per cluster snapshot, then shared by every entity. */
export interface ClusterMesh {
  summary: ClusterMeshSummary;
  controlPlane: ControlPlane;
  findings: Finding[];
  workloads: AnalyzedWorkload[];
  /** The cluster's Services (selectors and ports), for runbook commands. */
  services: Service[];
  /** Namespaces with their annotations. */
  namespaces: Array<{ name: string; annotations: Record<string, string> }>;
  facts: ClusterFacts;
  /** ServiceMonitors and PodMonitors (what Prometheus scrapes without a mesh). */
  monitors?: MonitorObjects;
  /** Workloads by `backstage.io/kubernetes-id` (object, template or pod label), for indexed lookups. */
  byKubernetesId: Map<string, AnalyzedWorkload[]>;
  /** Links, mirror and federated Services (multi-cluster). */
  multicluster: ClusterMulticluster;
  /** ExternalWorkloads (mesh expansion), reported as meshed workloads without pods. */
  externalWorkloads: ExternalWorkloadMesh[];
}

function indexByKubernetesId(workloads: AnalyzedWorkload[]): Map<string, AnalyzedWorkload[]> {
  const index = new Map<string, AnalyzedWorkload[]>();
  for (const a of workloads) {
    const w = a.workload;
    const ids = new Set([w.labels, w.template?.metadata?.labels, ...w.pods.map(p => p.metadata.labels)].map(l => l?.[KUBERNETES_ANNOTATIONS.id]).filter((x): x is string => Boolean(x)));
    for (const id of ids) index.set(id, [...(index.get(id) ?? []), a]);
  }
  return index;
}

/** What the opaque-ports check reads from the control plane and the workload's Servers. */
export function opaqueContext(cp: ControlPlane, mesh: WorkloadMesh) {
  return {
    defaultOpaquePorts: cp.opaquePorts,
    opaqueServers: (mesh.report.policy?.servers ?? []).filter(s => s.proxyProtocol === 'opaque').map(s => s.port),
  };
}

/** Options of the analysis. */
export interface AnalyzeOptions {
  /** Server-speaks-first ports outside Linkerd's default opaque list (default: NATS). */
  serverSpeaksFirstPorts?: number[];
  /** Namespaces whose Services are not application services. */
  systemNamespaces?: string[];
}

/** Classifies every workload of a cluster and raises the API-only findings, as of `now`. */
export function analyzeCluster(snapshot: ClusterSnapshot, now: Date, options: AnalyzeOptions = {}): ClusterMesh {
  const ports = options.serverSpeaksFirstPorts ?? DEFAULT_SERVER_SPEAKS_FIRST_PORTS;
  const controlPlane = detectControlPlane(snapshot);
  const namespaces = new Map(snapshot.objects.namespaces.map(n => [n.metadata.name, n.metadata]));
  const workloads = discoverWorkloads(snapshot).map(workload => {
    const ns = namespaces.get(workload.namespace);
    const intent = injectionIntent(
      workload.namespace,
      workload.template?.metadata?.annotations,
      ns?.annotations,
      ns?.labels,
    );
    const mesh = classifyWorkload(workload, intent, ns?.annotations, controlPlane.defaultInboundPolicy, controlPlane.nativeSidecar);
    mesh.injectable = injectorSeesNamespace(workload.namespace, ns?.labels);
    mesh.report.policy = workloadPolicy(workload, snapshot.objects.policies, snapshot.objects.services, snapshot.policyCrdsServed ?? controlPlane.installed);
    const tracing = workloadTracing(workload.pods);
    if (tracing) mesh.report.tracing = tracing;
    const meshed = mesh.report.meshedPods > 0 || (controlPlane.installed && wantsProxy(intent));
    const opaque = opaquePortFindings(workload, { ...opaqueContext(controlPlane, mesh), services: snapshot.objects.services, namespaceAnnotations: ns?.annotations, ports, meshed, linkerdInstalled: controlPlane.installed });
    return { workload, mesh, findings: [...workloadFindings(mesh, controlPlane), ...opaque] };
  });
  const issuer = controlPlane.installed ? issuerFromCertManager(snapshot) ?? issuerUnknown(controlPlane.namespace) : undefined;
  const webhooks = controlPlane.installed ? webhookCertificates(snapshot) : [];
  const tracing = controlPlane.installed ? tracingConfig(snapshot.objects.configMaps.find(c => c.metadata.namespace === controlPlane.namespace && c.metadata.name === LINKERD.configMap)?.data?.values ?? '', controlPlane.namespace) : undefined;
  const traced = workloads.map(w => w.mesh.report.tracing).filter(t => t !== undefined);
  return {
    summary: {
      name: snapshot.name,
      linkerdInstalled: controlPlane.installed,
      linkerdVersion: controlPlane.version,
      controlPlaneNamespace: controlPlane.namespace,
      controlPlaneHealthy: controlPlane.installed ? controlPlane.deployments.every(d => d.ready >= d.desired) : undefined,
      injectorWebhookPresent: controlPlane.installed ? controlPlane.webhookPresent : undefined,
      highAvailability: controlPlane.deployments.length > 0 ? controlPlane.deployments.every(d => d.desired >= 3) : undefined,
      policyCrdsServed: snapshot.policyCrdsServed ?? controlPlane.installed,
      trustAnchors: snapshot.trustAnchors,
      defaultInboundPolicy: controlPlane.defaultInboundPolicy,
      issuerCertificate: issuer,
      webhookCertificates: webhooks.length > 0 ? webhooks : undefined,
      tracing: tracing && { ...tracing, tracedPods: traced.reduce((n, t) => n + t.tracedPods, 0), meshedPods: traced.reduce((n, t) => n + t.meshedPods, 0) },
      egressNetworks: snapshot.objects.policies.egressNetworks?.length ? egressNetworks(snapshot.objects.policies.egressNetworks) : undefined,
    },
    controlPlane,
    findings: [
      ...clusterFindings(snapshot.name, controlPlane, now, snapshot.trustAnchors),
      ...issuerCertificateFindings(snapshot.name, issuer, now),
      ...webhookCertificateFindings(snapshot.name, webhooks, now),
    ],
    workloads,
    services: snapshot.objects.services,
    namespaces: snapshot.objects.namespaces.map(n => ({ name: n.metadata.name, annotations: n.metadata.annotations ?? {} })),
    facts: clusterFacts(snapshot, options.systemNamespaces ?? DEFAULT_ADOPTION_CONFIG.systemNamespaces),
    byKubernetesId: indexByKubernetesId(workloads),
    monitors: snapshot.objects.monitors,
    multicluster: clusterMulticluster(snapshot.objects.links, snapshot.objects.services),
    externalWorkloads: (snapshot.objects.externalWorkloads ?? []).map(e => externalWorkloadOf(snapshot.name, e)),
  };
}
