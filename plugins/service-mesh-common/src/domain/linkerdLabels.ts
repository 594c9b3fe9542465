/** Labels and annotations Linkerd writes or reads (linkerd-reference.md §1). */
export const LINKERD = {
  controlPlaneNsLabel: 'linkerd.io/control-plane-ns',
  controlPlaneComponentLabel: 'linkerd.io/control-plane-component',
  proxyContainer: 'linkerd-proxy',
  proxyVersionAnnotation: 'linkerd.io/proxy-version',
  injectAnnotation: 'linkerd.io/inject',
  nativeSidecarAnnotations: [
    'config.linkerd.io/proxy-enable-native-sidecar',
    'config.beta.linkerd.io/proxy-enable-native-sidecar',
    'config.alpha.linkerd.io/proxy-enable-native-sidecar',
  ],
  configMap: 'linkerd-config',
  trustRootsConfigMap: 'linkerd-identity-trust-roots',
} as const;

/** Sidecar containers of other meshes, by container name. */
export const OTHER_MESH_CONTAINERS: Record<string, string> = {
  'istio-proxy': 'Istio',
  'consul-dataplane': 'Consul',
  'envoy-sidecar': 'Consul',
  'kuma-sidecar': 'Kuma',
  'cilium-envoy': 'Cilium',
};
