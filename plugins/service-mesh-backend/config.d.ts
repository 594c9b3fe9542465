export interface Config {
  /**
   * Meshlens: Linkerd mesh status, mTLS, golden metrics and adoption per catalog entity.
   * Clusters of the Backstage Kubernetes plugin (`kubernetes.clusterLocatorMethods` of type
   * `config`, `catalog` and `gke`, with its server-side auth providers) are read too, merged with
   * `serviceMesh.clusters` by name. With no cluster configured anywhere the plugin serves
   * nothing, and every answer says so in `errors[]`.
   */
  serviceMesh?: {
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
      /**
       * API server URL (`kubernetes` source). Leave it out to add credentials or Prometheus to a
       * cluster a `catalog` or `gke` locator finds under this name.
       */
      url?: string;
      /**
       * Service-account token for the API server (see deploy/rbac.yaml for the read-only role).
       * Without it, the pod's own ServiceAccount is used when the backend runs in a pod. It also
       * makes a cluster whose Kubernetes-plugin auth provider is client-side (google, oidc, aks)
       * readable.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** PEM (plain or base64) of the API server's CA. */
      caData?: string;
      /** Path to the API server's CA file. */
      caFile?: string;
      /** Skip TLS verification of the API server (local use only). Default false. */
      skipTLSVerify?: boolean;
      /** A kubeconfig for local use instead of url + token. */
      kubeconfig?: { path: string; context?: string };
      /** Namespace of the Linkerd control plane. Default `linkerd`. */
      controlPlaneNamespace?: string;
      /** Prometheus that scrapes the proxies with Linkerd's relabel rules (bring your own). */
      prometheus?: {
        url: string;
        /** Timeout of one query in ms. Default 5000. */
        timeoutMs?: number;
        /** Unix seconds to evaluate queries at, for replayed or recorded data. Default: now. */
        evaluationTime?: number;
      };
    }>;
    /**
     * The plugin's snapshot of the catalog (read with its own credentials), where entity routes
     * look entities up before checking the caller's `catalog.entity.read` per entity.
     */
    catalogSnapshot?: {
      /** Seconds a snapshot is served before it is reloaded in the background. Default 10. */
      refreshSeconds?: number;
    };
    /** The catalog and GKE cluster locators of `kubernetes.clusterLocatorMethods`. */
    clusterLocators?: {
      /** Seconds between two reads of the catalog and GKE. Default 30. */
      refreshSeconds?: number;
    };
    /**
     * The pod's ServiceAccount, used by a `serviceAccount` cluster without a token when the CA
     * file exists (the backend runs in a pod).
     */
    inCluster?: {
      /** Default /var/run/secrets/kubernetes.io/serviceaccount/token; re-read on every request. */
      tokenFile?: string;
      /** Default /var/run/secrets/kubernetes.io/serviceaccount/ca.crt. */
      caFile?: string;
    };
    metrics?: {
      /** Window of golden metrics and mTLS in entity reports, `1m` to `24h`. Default `1h`. */
      window?: string;
      /** Seconds one batch of metrics queries is reused by every request. Default 30. */
      refreshSeconds?: number;
      /**
       * How often Prometheus scrapes the Linkerd proxies, as a Prometheus duration (`10s`, `1m`),
       * 1s to 1h. Each point of a time series covers at least two scrapes (and one scrape more
       * than its step), so that no point is empty for want of samples. Default: read from
       * Prometheus's `/api/v1/status/config`, the `linkerd-proxy` job's `scrape_interval`, else
       * the global one (viz's bundled Prometheus: 10s); `30s` when the configuration is not
       * readable. Snapshots use the spacing of their recorded samples instead.
       */
      scrapeInterval?: string;
    };
    /**
     * The adoption model (adoption-model.md): thresholds, weights and cost constants. Every value
     * defaults to the founding evaluation's.
     */
    adoption?: {
      scale?: { services?: number; eastWestEdges?: number; eastWestRps?: number };
      multiTeam?: { owners?: number; crossTeamEdges?: number; strengthDivisor?: number };
      compliance?: { markers?: string[] };
      canary?: { rollouts?: number; days?: number };
      observability?: { share?: number };
      weights?: { scale?: number; multiTeam?: number; compliance?: number; canary?: number; observability?: number };
      /** A trigger at this share of its bar recommends `prepare`. Default 0.6. */
      prepareAt?: number;
      /** A score from which `prepare` is recommended. Default 40. */
      prepareScore?: number;
      cost?: { controlPlaneMiB?: number; haFactor?: number; sidecarMiB?: number; prometheusMiBPerPod?: number };
    };
    /**
     * The history task: records score, triggers fired, meshed-pod and mTLS ratios per entity in
     * the plugin database, once per cycle across replicas (scheduler scope `global`).
     */
    history?: {
      /** Default true. When false, nothing is recorded and `/history` answers 503. */
      enabled?: boolean;
      /**
       * Default: every 15 minutes, first run 30 s after start, timeout 5 minutes.
       * Same shape as other Backstage task schedules (frequency, timeout, initialDelay).
       */
      schedule?: {
        frequency: { cron: string } | string | { years?: number; months?: number; weeks?: number; days?: number; hours?: number; minutes?: number; seconds?: number; milliseconds?: number };
        timeout: string | { years?: number; months?: number; weeks?: number; days?: number; hours?: number; minutes?: number; seconds?: number; milliseconds?: number };
        initialDelay?: string | { years?: number; months?: number; weeks?: number; days?: number; hours?: number; minutes?: number; seconds?: number; milliseconds?: number };
      };
      /** Points older than this many days are deleted. Default 90. */
      retentionDays?: number;
    };
    /**
     * Notifications to entity owners (Backstage notifications service): a trigger firing for the
     * first time, an mTLS coverage drop, a meshed entity regressing, a certificate entering the
     * 60-day window. Each is sent
     * once (deduplicated in the plugin database).
     */
    notifications?: {
      /** Default true (needs the notifications backend plugin). */
      enabled?: boolean;
      /** Drop of inbound mTLS coverage between two runs that notifies, 0..1. Default 0.05. */
      mtlsDrop?: number;
    };
    findings?: {
      /**
       * Server-speaks-first ports outside Linkerd's default opaque list, checked by
       * `opaque-ports-required` together with that list. Default [4222, 6222] (NATS clients and
       * cluster routes; NATS's 8222 is plain HTTP monitoring, left to protocol detection).
       */
      serverSpeaksFirstPorts?: number[];
    };
  };
}
