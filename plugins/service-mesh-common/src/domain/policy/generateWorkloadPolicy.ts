import { GeneratedPolicyPort, GeneratedWorkloadPolicy } from '../../api/GeneratedPolicy';
import { callerComment, policyCallers } from './policyCallers';
import { CommentedDocument, policyYaml } from './policyYaml';
import { policyRollout } from './policyRollout';

/** Linkerd's default `policyController.probeNetworks` (2.19 chart values): every network. */
export const DEFAULT_PROBE_NETWORKS = ['0.0.0.0/0', '::/0'];

/** What the policy of one meshed workload is generated from. */
export interface WorkloadPolicyInput {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  serviceAccount?: string;
  /** Labels selecting the workload's pods (the template's, without per-revision hashes). */
  podLabels: Record<string, string>;
  ports: GeneratedPolicyPort[];
  /** Client identities seen calling the workload in the window (with their entity when known). */
  seen: Array<{ identity: string; entityRef?: string }>;
  /** Identities of the workloads of entities the catalog declares as callers. */
  declared: Array<{ identity: string; entityRef: string }>;
  /** Inbound requests (and TCP connections) without mTLS in the window: unmeshed clients have no identity to allow. */
  plaintextRequests?: number;
  probeNetworks?: string[];
}

const GROUP = 'policy.linkerd.io';
const NON_HTTP = ['opaque', 'TLS'];
const dnsName = (s: string) => s.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 253);
const meta = (name: string, namespace: string) => ({ name, namespace, labels: { 'app.kubernetes.io/managed-by': 'meshlens' } });

/**
 * Authorization policy for one meshed workload, audit mode first: a `Server` per served port
 * (with its proxy protocol, `accessPolicy: audit`), one `MeshTLSAuthentication` for the callers
 * seen in the window plus those the catalog declares, an `AuthorizationPolicy` per Server tying
 * them, and a probe `NetworkAuthentication` only where the policy controller would not authorize
 * kubelet probes by itself (a non-HTTP Server on a port with HTTP probes).
 */
export function generateWorkloadPolicy(input: WorkloadPolicyInput): GeneratedWorkloadPolicy {
  const { namespace: ns, name } = input;
  const callers = policyCallers(input.seen, input.declared);
  // An empty podSelector selects every pod of the namespace: never generate one.
  const ports = Object.keys(input.podLabels).length ? [...input.ports].sort((a, b) => a.port - b.port) : [];
  const docs: CommentedDocument[] = [];
  const clients = `${dnsName(name)}-clients`;
  const probes = `${dnsName(name)}-probes`;
  const probePorts = ports.filter(p => p.httpProbes && NON_HTTP.includes(p.proxyProtocol));
  if (callers.length > 0 && ports.length > 0) {
    docs.push({
      comments: [`Clients of ${input.kind} ${ns}/${name}: identities seen in the metrics window and callers declared in the catalog.`],
      doc: { apiVersion: `${GROUP}/v1alpha1`, kind: 'MeshTLSAuthentication', metadata: meta(clients, ns), spec: { identities: callers.map(c => c.identity) } },
      itemComments: Object.fromEntries(callers.map(c => [c.identity, callerComment(c)])),
    });
  }
  if (probePorts.length > 0) {
    docs.push({
      comments: ['Kubelet probes: on a non-HTTP Server the default probe route does not apply, so the probe networks are authorized explicitly.',
        ...(input.probeNetworks ? [] : ['These are Linkerd\'s default probeNetworks (every address): on a non-HTTP Server this allows every connection from them, not only probes; narrow them to the nodes\' CIDRs.'])],
      doc: { apiVersion: `${GROUP}/v1alpha1`, kind: 'NetworkAuthentication', metadata: meta(probes, ns), spec: { networks: (input.probeNetworks ?? DEFAULT_PROBE_NETWORKS).map(cidr => ({ cidr })) } },
    });
  }
  const servers: string[] = [];
  for (const p of ports) {
    const server = dnsName(`${name}-${p.name ?? p.port}`);
    servers.push(server);
    const probeNote = p.httpProbes && !NON_HTTP.includes(p.proxyProtocol)
      ? ['Kubelet HTTP probes on this port stay authorized: a Server without HTTPRoutes gets the default probe route from the probe networks.']
      : [];
    docs.push({
      comments: [`Server for ${input.kind} ${ns}/${name} port ${p.port}: ${p.proxyProtocol} (${p.reason}).`, 'accessPolicy audit: requests no AuthorizationPolicy allows are let through and counted with authz_name="audit"; set deny to enforce.', ...probeNote],
      doc: { apiVersion: `${GROUP}/v1beta3`, kind: 'Server', metadata: meta(server, ns), spec: { podSelector: { matchLabels: input.podLabels }, port: p.port, proxyProtocol: p.proxyProtocol, accessPolicy: 'audit' } },
    });
    const target = { group: GROUP, kind: 'Server', name: server };
    if (callers.length > 0) {
      docs.push({
        comments: [`Allows the clients in ${clients} on ${server}.`],
        doc: { apiVersion: `${GROUP}/v1alpha1`, kind: 'AuthorizationPolicy', metadata: meta(`${server}-clients`, ns), spec: { targetRef: target, requiredAuthenticationRefs: [{ group: GROUP, kind: 'MeshTLSAuthentication', name: clients }] } },
      });
    }
    if (probePorts.includes(p)) {
      docs.push({
        comments: [`Allows kubelet probes on ${server}.`],
        doc: { apiVersion: `${GROUP}/v1alpha1`, kind: 'AuthorizationPolicy', metadata: meta(`${server}-probes`, ns), spec: { targetRef: target, requiredAuthenticationRefs: [{ group: GROUP, kind: 'NetworkAuthentication', name: probes }] } },
      });
    }
  }
  const notes: string[] = [];
  if (!Object.keys(input.podLabels).length) notes.push('The pod template has no labels to select it by: no Server is generated.');
  else if (ports.length === 0) notes.push('The workload declares no TCP container port: no Server is generated.');
  if (callers.length === 0 && ports.length > 0) notes.push('No caller was seen in the window and the catalog declares none: no MeshTLSAuthentication is generated, and enforcing would deny every request.');
  if (probePorts.length > 0 && !input.probeNetworks) notes.push(`HTTP probes on non-HTTP port(s) ${probePorts.map(p => p.port).join(', ')}: the generated NetworkAuthentication allows every address (Linkerd's default probeNetworks); narrow it to the nodes' CIDRs before enforcing.`);
  const undeclared = callers.filter(c => c.undeclared);
  if (undeclared.length) notes.push(`${undeclared.length} caller(s) seen in traffic but not declared in the catalog (${undeclared.map(c => c.identity).join(', ')}): declare them (dependsOn / consumesApi) or remove them before enforcing.`);
  if ((input.plaintextRequests ?? 0) > 0) notes.push(`${input.plaintextRequests} inbound request(s) or connection(s) in the window came without mTLS: those clients have no identity and will be denied once enforced; mesh them first.`);
  return {
    cluster: input.cluster,
    namespace: ns,
    kind: input.kind,
    name,
    serviceAccount: input.serviceAccount || 'default',
    ports,
    callers,
    documents: docs.map(d => d.doc),
    yaml: docs.length ? policyYaml(docs) : '',
    rollout: docs.length ? policyRollout(ns, name, servers, ports.some(p => p.proxyProtocol !== 'HTTP/1' && p.proxyProtocol !== 'HTTP/2' && p.proxyProtocol !== 'gRPC')) : [],
    notes,
  };
}
