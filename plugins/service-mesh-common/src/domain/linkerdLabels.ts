/** Labels and annotations Linkerd writes or reads (linkerd-reference.md §1). */
export const LINKERD = {
  controlPlaneNsLabel: 'linkerd.io/control-plane-ns',
  controlPlaneComponentLabel: 'linkerd.io/control-plane-component',
  proxyContainer: 'linkerd-proxy',
  proxyVersionAnnotation: 'linkerd.io/proxy-version',
  injectAnnotation: 'linkerd.io/inject',
  /** Beta wins over the deprecated alpha (linkerd2 `pkg/inject/inject.go`). */
  nativeSidecarBeta: 'config.beta.linkerd.io/proxy-enable-native-sidecar',
  nativeSidecarAlpha: 'config.alpha.linkerd.io/proxy-enable-native-sidecar',
  configMap: 'linkerd-config',
  trustRootsConfigMap: 'linkerd-identity-trust-roots',
} as const;

/**
 * Sidecar containers of other meshes, by container name. Linkerd's injector detects only Istio's
 * (`pkg/healthcheck/sidecar.go`) and skips those pods; the others it would inject next to.
 */
export const OTHER_MESH_CONTAINERS: Record<string, string> = {
  'istio-proxy': 'Istio',
  'istio-init': 'Istio',
  'consul-dataplane': 'Consul',
  'envoy-sidecar': 'Consul',
  'kuma-sidecar': 'Kuma',
};

/** Image prefixes of Istio's proxy and init containers that the injector also detects. */
export const ISTIO_IMAGES = ['gcr.io/istio-release/proxyv2:', 'gcr.io/istio-release/proxy_init:'];
