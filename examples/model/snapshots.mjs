/**
 * The two snapshots of the demo: the same homelab cluster before and after adopting Linkerd,
 * both captured at CAPTURED_AT.
 *
 * What differs in `homelab-meshed` (everything else is identical, down to pod IPs):
 *   - the Linkerd control plane (linkerd.mjs) in namespace `linkerd`, installed 2026-11-17;
 *   - namespace auto-brand annotated `linkerd.io/inject: enabled` at INJECT_ANNOTATED_AT, then its
 *     workloads with `mesh: 'restart'` (autoBrand.mjs) rolled with `kubectl rollout restart`,
 *     one every RESTART_SPACING_SECONDS from AUTO_BRAND_RESTART_AT: one more ReplicaSet / revision
 *     each, pods injected. `experimentation` (`mesh: 'pending'`) was not restarted;
 *   - the analytics CronJob runs the proxy as a native sidecar
 *     (`config.beta.linkerd.io/proxy-enable-native-sidecar: "true"`);
 *   - the catalog holds only auto-brand and Traefik, in catalog namespace `homelab-meshed`.
 * Traefik (kube-system) stays unmeshed, and the nats Service has no `appProtocol: linkerd.io/opaque`.
 */
import { LINKERD_VERSION } from './linkerd.mjs';

/** The snapshots' "now". */
export const CAPTURED_AT = '2026-11-20T12:00:00Z';

export const INJECT_ANNOTATED_AT = '2026-11-18T09:59:00Z';
export const AUTO_BRAND_RESTART_AT = '2026-11-18T10:02:00Z';
export const RESTART_SPACING_SECONDS = 47;

/**
 * One entry per snapshot directory. `catalog`: the Backstage catalog namespace and the
 * `backstage.io/kubernetes-cluster` the entities point at; `all` (every system) or only
 * auto-brand and Traefik.
 */
export const SNAPSHOTS = [
  {
    dir: 'homelab',
    meshed: false,
    description:
      'Homelab k3s cluster (k3s v1.31.4+k3s1, 3 servers, 4 amd64 agents, 1 arm64 agent) before any service mesh: ' +
      'platform (Traefik, MetalLB, Longhorn, cert-manager, Prometheus/Loki/Grafana), 20 self-hosted apps and the ' +
      'auto-brand system (6 services, an hourly analytics CronJob, NATS JetStream, PostgreSQL). Linkerd is not installed.',
    catalog: { namespace: 'default', cluster: 'homelab', all: true },
  },
  {
    dir: 'homelab-meshed',
    meshed: true,
    description:
      `The same homelab cluster after adopting Linkerd 2.19 (${LINKERD_VERSION}): control plane in the linkerd namespace, ` +
      'auto-brand annotated linkerd.io/inject=enabled and restarted on 2026-11-18 (pods meshed), except experimentation ' +
      'which was not restarted yet; the analytics Job runs the proxy as a native sidecar; the NATS Service has no ' +
      'opaque appProtocol; Traefik stays unmeshed.',
    catalog: {
      namespace: 'homelab-meshed',
      cluster: 'homelab-meshed',
      all: false,
    },
  },
];
