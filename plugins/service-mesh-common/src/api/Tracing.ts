/**
 * OpenTelemetry tracing as configured in a cluster's `linkerd-config` values (linkerd2
 * edge-25.10.7 `charts/linkerd-control-plane/values.yaml`): the controllers' `controller.tracing`
 * and the proxies' `proxy.tracing`, and how many meshed proxies actually carry it.
 */
export interface ClusterTracingReport {
  /** `controller.tracing.enabled`: destination and identity export their own spans. */
  controlPlane: { enabled: boolean; collector?: string };
  /** `proxy.tracing.enabled`: the injector gives new proxies the collector address. */
  proxy: {
    enabled: boolean;
    collector?: string;
    /** The collector's mesh identity (from `collector.meshIdentity`), which the proxy verifies. */
    collectorIdentity?: string;
    /** `traceServiceName`: the OpenTelemetry `service.name` of the proxies' spans. */
    serviceName?: string;
  };
  /** Meshed pods whose proxy has a collector (`LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR`). */
  tracedPods: number;
  meshedPods: number;
}

/** Whether a workload's proxies export traces, read from the injected proxy containers. */
export interface WorkloadTracing {
  /** Pods whose proxy has `LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR`. */
  tracedPods: number;
  /** Pods with a proxy. */
  meshedPods: number;
  /** The collector address(es) the proxies send to. */
  collectors: string[];
}
