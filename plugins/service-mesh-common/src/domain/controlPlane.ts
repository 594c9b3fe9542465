import { ClusterSnapshot } from './kube';
import { parseGoBool } from './goBool';
import { helmValue } from './helmValue';
import { LINKERD } from './linkerdLabels';
import { parsePortList } from './portList';

/** A control-plane deployment and its readiness. */
export interface ControlPlaneDeployment {
  name: string;
  component?: string;
  desired: number;
  ready: number;
}

/** The Linkerd control plane of a cluster, as read from the API. */
export interface ControlPlane {
  namespace: string;
  installed: boolean;
  version?: string;
  deployments: ControlPlaneDeployment[];
  /** `proxy.defaultInboundPolicy` from `linkerd-config` (Linkerd's default: all-unauthenticated). */
  defaultInboundPolicy?: string;
  /** `proxy.nativeSidecar` from `linkerd-config`: the injector's default for every pod. */
  nativeSidecar?: boolean;
  /** `proxy.opaquePorts` from `linkerd-config`: the cluster's default opaque list, when set. */
  opaquePorts?: number[];
  /** The proxy injector's MutatingWebhookConfiguration is registered. */
  webhookPresent: boolean;
}

/** Name of the injector's webhook configuration (`linkerd-proxy-injector-webhook-config`). */
export const INJECTOR_WEBHOOK = 'linkerd-proxy-injector-webhook-config';

function versionFromConfig(values: string | undefined): string | undefined {
  const match = values?.match(/^linkerdVersion:\s*["']?([^\s"']+)/m);
  return match?.[1];
}

function opaquePortsOf(values: string | undefined): number[] | undefined {
  const list = helmValue(values, ['proxy', 'opaquePorts']);
  return list === undefined ? undefined : [...parsePortList(list)].sort((a, b) => a - b);
}

/**
 * Finds the Linkerd control plane: deployments labelled `linkerd.io/control-plane-component` in
 * the control-plane namespace, or its `linkerd-config` ConfigMap. The version comes from
 * `linkerd-config` (`linkerdVersion`), else from the deployments' `app.kubernetes.io/version`.
 */
export function detectControlPlane(snapshot: ClusterSnapshot): ControlPlane {
  const ns = snapshot.controlPlaneNamespace;
  const o = snapshot.objects;
  const deployments = o.deployments
    .filter(d => d.metadata.namespace === ns && d.metadata.labels?.[LINKERD.controlPlaneComponentLabel])
    .map(d => ({
      name: d.metadata.name,
      component: d.metadata.labels?.[LINKERD.controlPlaneComponentLabel],
      desired: d.spec.replicas ?? 1,
      ready: d.status?.readyReplicas ?? 0,
    }));
  const config = o.configMaps.find(c => c.metadata.namespace === ns && c.metadata.name === LINKERD.configMap);
  const version =
    versionFromConfig(config?.data?.values) ??
    o.deployments.find(d => d.metadata.namespace === ns && d.metadata.labels?.['app.kubernetes.io/version'])
      ?.metadata.labels?.['app.kubernetes.io/version'];
  const installed = deployments.length > 0 || config !== undefined;
  const policy = config?.data?.values?.match(/^\s+defaultInboundPolicy:\s*["']?([a-z-]+)/m)?.[1];
  return {
    namespace: ns,
    installed,
    version,
    deployments,
    defaultInboundPolicy: installed ? policy ?? 'all-unauthenticated' : undefined,
    nativeSidecar: installed ? parseGoBool(helmValue(config?.data?.values, ['proxy', 'nativeSidecar'])) ?? false : undefined,
    opaquePorts: opaquePortsOf(config?.data?.values),
    webhookPresent: o.mutatingWebhooks.some(w => w.metadata.name === INJECTOR_WEBHOOK),
  };
}
