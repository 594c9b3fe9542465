export interface Config {
  /** Meshlens: Linkerd mesh status and adoption per catalog entity. */
  serviceMesh?: {
    /**
     * Clusters to read. With no `serviceMesh` section at all, the backend serves the bundled
     * demo snapshots (`examples/homelab` and `examples/homelab-meshed`).
     */
    clusters?: Array<{
      /**
       * Cluster name, as used by the `backstage.io/kubernetes-cluster` annotation.
       * @visibility frontend
       */
      name: string;
      /** `snapshot` (a directory) or `kubernetes` (a live API server). Default `kubernetes`. */
      source?: 'snapshot' | 'kubernetes';
      /** Snapshot directory, relative to the backend's working directory. Required for `snapshot`. */
      path?: string;
      /** API server URL (`kubernetes` source). */
      url?: string;
      /**
       * Service-account token for the API server.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** PEM of the API server's CA, base64 or plain. */
      caData?: string;
      /** Path to the API server's CA file. */
      caFile?: string;
      /** Skip TLS verification of the API server (local use only). Default false. */
      skipTLSVerify?: boolean;
      /** A kubeconfig for local use instead of url + token. */
      kubeconfig?: { path: string; context?: string };
      /** Namespace of the Linkerd control plane. Default `linkerd`. */
      controlPlaneNamespace?: string;
      /** Prometheus that scrapes the proxies with Linkerd's relabel rules. */
      prometheus?: { url: string };
    }>;
  };
}
