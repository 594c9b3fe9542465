import { AdoptionReport, MtlsReport, RunbookStep } from '../../api/EntityMeshReport';
import { AnalyzedWorkload, ClusterMesh } from '../clusterMesh';
import { CERTIFICATE_WARNING_DAYS } from '../clusterFindings';
import { resource, step } from './step';
import { fixSteps } from './workloadSteps';
import { policySteps } from './policySteps';
import { tracingSteps } from './tracingSteps';
import { GeneratedWorkloadPolicy } from '../../api/GeneratedPolicy';

/** What the runbook of one entity reads. */
export interface RunbookInput {
  matched: Array<{ cluster: ClusterMesh; workloads: AnalyzedWorkload[] }>;
  adoption?: AdoptionReport;
  mtls?: MtlsReport;
  /** Workload keys `namespace/name` in callee-first order where the catalog knows the edges. */
  order?: string[];
  /** Server-speaks-first ports (as configured for `opaque-ports-required`). */
  serverSpeaksFirstPorts?: number[];
  /** Authorization policy generated from observed traffic and the catalog, per meshed workload. */
  policies?: GeneratedWorkloadPolicy[];
}

const minor = (v?: string) => Number(/^v?1\.(\d+)/.exec(v ?? '')?.[1] ?? 0);

function preSteps(cluster: ClusterMesh): RunbookStep[] {
  const cp = cluster.controlPlane;
  const version = cluster.facts.kubeletVersion;
  const certManager = cluster.namespaces.some(n => n.name === 'cert-manager');
  const anchors = cluster.summary.trustAnchors ?? [];
  return [
    step('prerequisites', 'kubernetes-version', `Kubernetes ${version ?? '(unknown)'} supports Linkerd 2.19 and native sidecars`, 'Linkerd 2.19 supports Kubernetes 1.29–1.35; native sidecars need 1.29+.', ['kubectl version'], minor(version) >= 29, { verify: ['linkerd check --pre'] }),
    step('prerequisites', 'check-pre', 'Run the pre-installation checks', 'linkerd check --pre verifies permissions, admission webhooks and clock skew before anything is installed.', ['linkerd check --pre'], cp.installed),
    step('certificates', certManager ? 'issuer-cert-manager' : 'issuer-manual', certManager ? 'Let cert-manager issue and rotate the identity issuer' : 'Create a trust anchor and an issuer certificate',
      certManager ? 'cert-manager is installed: a Certificate for the issuer, signed by the trust anchor, is rotated automatically instead of by hand.' : `Without cert-manager the issuer must be rotated by hand; linkerd check warns ${CERTIFICATE_WARNING_DAYS} days before expiry.`,
      certManager
        ? ['step certificate create root.linkerd.cluster.local ca.crt ca.key --profile root-ca --no-password --insecure --not-after=87600h', 'kubectl -n linkerd create secret tls linkerd-trust-anchor --cert=ca.crt --key=ca.key', '# then an Issuer (ca: linkerd-trust-anchor) and a Certificate linkerd-identity-issuer (isCA, ECDSA P-256, duration 48h, renewBefore 25h) in namespace linkerd']
        : ['step certificate create root.linkerd.cluster.local ca.crt ca.key --profile root-ca --no-password --insecure --not-after=87600h', 'step certificate create identity.linkerd.cluster.local issuer.crt issuer.key --profile intermediate-ca --not-after 8760h --no-password --insecure --ca ca.crt --ca-key ca.key'],
      anchors.length > 0, { verify: ['linkerd check --proxy | grep -A3 linkerd-identity'] }),
    step('install', 'gateway-api-crds', 'Install the Gateway API CRDs', 'Linkerd 2.19 no longer installs them; HTTPRoute policy needs them.', ['kubectl apply --server-side -f <standard-install.yaml of the Gateway API release, v1.2 or later>'], cluster.summary.policyCrdsServed === true, { rollback: ['kubectl delete crd httproutes.gateway.networking.k8s.io grpcroutes.gateway.networking.k8s.io'] }),
    step('install', 'linkerd-crds', 'Install the Linkerd CRDs', 'Servers, AuthorizationPolicies, HTTPRoutes and the rest of the policy API.', ['linkerd install --crds | kubectl apply -f -'], cluster.summary.policyCrdsServed === true),
    step('install', 'control-plane', `Install the control plane${cluster.facts.nodes >= 3 ? ' (HA possible: 3+ nodes)' : ''}`, 'destination, identity and proxy-injector; HA runs 3 replicas of each when the operator wants it.',
      [`linkerd install --identity-trust-anchors-file ca.crt --identity-issuer-certificate-file issuer.crt --identity-issuer-key-file issuer.key${cluster.facts.nodes >= 3 ? ' # add --ha for 3 replicas' : ''} | kubectl apply -f -`], cp.installed, { rollback: ['linkerd uninstall | kubectl delete -f -'] }),
    step('verify-control-plane', 'linkerd-check', 'Check the control plane', 'Every check green before any workload is meshed.', ['linkerd check'], cp.installed && cluster.summary.controlPlaneHealthy === true),
  ];
}

function meshSteps(cluster: ClusterMesh, workloads: AnalyzedWorkload[], order: string[], ports?: number[]): RunbookStep[] {
  const out: RunbookStep[] = workloads.flatMap(a => fixSteps(cluster, a, ports));
  const namespaces = [...new Set(workloads.map(a => a.workload.namespace))];
  for (const ns of namespaces) {
    const annotated = ['enabled', 'ingress'].includes(cluster.namespaces.find(n => n.name === ns)?.annotations['linkerd.io/inject'] ?? '');
    out.push(step('mesh-workloads', `annotate-${ns}`, `Enable injection in namespace ${ns}`, 'New pods in the namespace get the proxy; running pods keep running unmeshed until restarted.',
      [`kubectl annotate namespace ${ns} linkerd.io/inject=enabled`], annotated, { verify: [`kubectl get namespace ${ns} -o jsonpath='{.metadata.annotations.linkerd\\.io/inject}'`], rollback: [`kubectl annotate namespace ${ns} linkerd.io/inject-`] }));
  }
  const rank = (a: AnalyzedWorkload) => { const i = order.indexOf(`${a.workload.namespace}/${a.workload.name}`); return i < 0 ? order.length : i; };
  for (const a of [...workloads].sort((x, y) => rank(x) - rank(y))) {
    const w = a.workload;
    if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(w.kind) || a.findings.some(f => f.code === 'host-network-unsupported' || f.code === 'other-mesh-present')) continue;
    out.push(step('mesh-workloads', `rollout-${w.namespace}-${w.name}`, `Restart ${w.kind} ${w.namespace}/${w.name} so its pods get the proxy`, 'Callees before callers, so each caller meets meshed servers.',
      [`kubectl -n ${w.namespace} rollout restart ${resource(w.kind, w.name)}`, `kubectl -n ${w.namespace} rollout status ${resource(w.kind, w.name)}`],
      a.mesh.report.state === 'meshed',
      { verify: [`linkerd viz stat -n ${w.namespace} ${resource(w.kind, w.name)}  # MESHED ${a.mesh.report.totalPods}/${a.mesh.report.totalPods}`], rollback: [`kubectl -n ${w.namespace} rollout undo ${resource(w.kind, w.name)}`] }));
  }
  return out;
}

/**
 * The adoption runbook of an entity (adoption-model.md §5): ordered phases, each step with why,
 * commands using the entity's namespaces, workloads and ports, verify and rollback, and `done`
 * from the live state. Finding-driven fixes come before the injection they would break.
 */
export function entityRunbook(input: RunbookInput): RunbookStep[] {
  const steps: RunbookStep[] = [];
  for (const { cluster, workloads } of input.matched) {
    steps.push(...preSteps(cluster), ...meshSteps(cluster, workloads, input.order ?? [], input.serverSpeaksFirstPorts));
    const first = workloads[0]?.workload.namespace;
    steps.push(step('verify-traffic', `verify-mtls-${cluster.summary.name}`, 'Verify mTLS and golden metrics', 'Good looks like: 100 % of inbound requests over mTLS except from the ingress, success rate and latency unchanged from before meshing.',
      [`linkerd viz stat -n ${first} deploy`, `linkerd viz edges -n ${first} deploy`], input.mtls !== undefined && input.mtls.inboundTlsRatio === 1));
  }
  const ns = input.matched.flatMap(m => m.workloads.map(a => a.workload.namespace))[0] ?? '<namespace>';
  const fired = input.adoption?.triggers.some(t => (t.id === 'multi-team' || t.id === 'compliance') && t.fired);
  const dayTwo = input.matched.some(m => m.workloads.some(a => a.mesh.report.state === 'meshed'));
  if (fired || dayTwo) {
    steps.push(step('policies', 'default-inbound-policy', 'Move towards all-authenticated, in audit mode first',
      fired ? 'multi-team or compliance fired: traffic between owners must be authenticated and authorized.' : 'The entity is meshed: authorize who may call it, audit mode first.',
      [`kubectl annotate namespace ${ns} config.linkerd.io/default-inbound-policy=audit`, '# applies to pods injected from now on (the injector copies it onto the pod, where the policy controller reads it): restart the workloads', '# then the generated Server + MeshTLSAuthentication + AuthorizationPolicy per workload below, then all-authenticated'], false));
    steps.push(...policySteps(input.policies ?? [], input.matched.flatMap(m => m.workloads)));
  }
  steps.push(
    step('observability', 'prometheus-relabel', 'Scrape the proxies with Linkerd\'s relabel rules', 'Golden metrics and mTLS coverage come from the proxies\' /metrics on port 4191 (linkerd-admin).', ['# add the linkerd-proxy scrape job (keep container linkerd-proxy, port linkerd-admin) to your Prometheus'], input.mtls !== undefined),
  );
  steps.push(
    ...input.matched.flatMap(m => tracingSteps(m.cluster, m.workloads)),
    step('failure-scenarios', 'injector-down', 'If the proxy injector is down', 'Symptom: new pods start without a proxy. Check: kubectl -n linkerd get deploy linkerd-proxy-injector. Fix: restore it, then restart the affected workloads.', ['kubectl -n linkerd rollout status deploy/linkerd-proxy-injector'], false),
    step('failure-scenarios', 'certificate-expiry', 'If a certificate expires', 'Symptom: proxies fail TLS handshakes. Check: linkerd check --proxy. Fix: rotate the issuer (cert-manager does it), then restart the control plane.', ['linkerd check --proxy'], false),
    step('failure-scenarios', 'protocol-detection', 'If connections wait 10 seconds', 'Symptom: "protocol detection timed out after 10s" in proxy logs. Fix: declare the port opaque.', [`kubectl logs -n ${ns} <pod> -c linkerd-proxy | grep "protocol detection"`], false),
    step('rollback-and-removal', 'remove', 'Remove the mesh', 'Un-annotate, restart, then uninstall.', [`kubectl annotate namespace ${ns} linkerd.io/inject-`, `kubectl -n ${ns} rollout restart deploy`, 'linkerd uninstall | kubectl delete -f -'], false),
  );
  return steps;
}
