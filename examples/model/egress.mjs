/**
 * What leaves the mesh in `homelab-meshed` (issue 17): auto-brand's EgressNetwork in Deny mode,
 * so only declared destinations are reachable, and the TLSRoute that declares llm-service's
 * language-model provider by SNI (the pattern of Linkerd's egress docs: an EgressNetwork as parent
 * and backend of a `gateway.networking.k8s.io` TLSRoute). Anything else the pods reach for over TLS
 * on 443 falls to the policy controller's `tls-egress-deny` route and is refused. The traffic
 * (examples/traffic/egress.ts) is llm-service's calls to the provider and its error-reporting SDK
 * trying to reach its vendor, refused.
 */
export const EGRESS_CREATED = '2026-11-18T09:40:12Z';

export const EGRESS_NETWORK = {
  namespace: 'auto-brand',
  name: 'external',
  trafficPolicy: 'Deny',
  // Everything outside the cluster networks (linkerd-config `clusterNetworks`).
  networks: [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16'] }],
};

/** The LLM provider's API, by SNI, on 443. */
export const LLM_PROVIDER = { route: 'llm-provider', hostname: 'api.anthropic.com', port: 443 };

/** A destination the Deny policy refuses: the error-reporting SDK's vendor. */
export const BLOCKED = { hostname: 'o4508123.ingest.us.sentry.io', port: 443 };
