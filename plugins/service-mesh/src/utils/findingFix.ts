import type { FindingCode } from '@meshlens/plugin-service-mesh-common';

const fixes: Record<FindingCode, string> = {
  'linkerd-not-installed':
    'Install Linkerd in the cluster (see the Adoption & runbook tab), or keep it unmeshed on purpose.',
  'injection-pending-restart':
    'Restart the workload (kubectl rollout restart) so that new pods get the proxy.',
  'proxy-version-drift':
    'Restart the workload so that its proxies match the control-plane version.',
  'native-sidecar-recommended':
    'Set config.beta.linkerd.io/proxy-enable-native-sidecar: "true" and restart.',
  'opaque-ports-required':
    'Mark the server-speaks-first ports opaque (config.linkerd.io/opaque-ports) on the Service.',
  'host-network-unsupported':
    'Move the pod off hostNetwork, or leave it out of the mesh.',
  'udp-not-proxied': 'Nothing to mesh on UDP: secure that traffic another way.',
  'other-mesh-present':
    'Remove the other mesh from the workload before adding Linkerd.',
  'plaintext-inbound':
    'Mesh the plaintext clients, or mark them expected (ingress).',
  'certificate-expiring':
    'Rotate the certificate before it expires (see the Security tab).',
  'control-plane-unhealthy':
    'Check the control plane: linkerd check, then the unready deployments.',
};

/**
 * The fix of a finding in one line, for the header of the Service Mesh tab.
 *
 * @internal
 */
export function findingFix(code: FindingCode): string {
  return fixes[code] ?? 'See the finding for details.';
}
