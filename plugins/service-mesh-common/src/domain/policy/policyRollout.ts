/**
 * The audit-first rollout of a workload's generated policy: apply with `accessPolicy: audit`,
 * watch what would be denied (requests allowed by the `audit` default authorization), then
 * switch each Server to `deny` and watch the real denials.
 */
export function policyRollout(ns: string, name: string, servers: string[], tcp: boolean): string[] {
  const file = `${name}-policy.yaml`;
  const sel = `namespace="${ns}",srv_name=~"${servers.join('|')}"`;
  return [
    `kubectl apply -f ${file}  # Servers in audit mode: nothing is denied yet`,
    `# would be denied (allowed only by the audit default), by client — keep it at 0 for the window before enforcing:`,
    `#   sum by (srv_name, client_id) (rate(inbound_http_authz_allow_total{${sel},authz_kind="default",authz_name="audit"}[5m]))`,
    ...(tcp ? [`#   sum by (srv_name, client_id) (rate(inbound_tcp_authz_allow_total{${sel},authz_kind="default",authz_name="audit"}[5m]))`] : []),
    ...servers.map(s => `kubectl -n ${ns} patch servers.policy.linkerd.io ${s} --type merge -p '{"spec":{"accessPolicy":"deny"}}'`),
    `# denied after enforcing, by client:`,
    `#   sum by (srv_name, client_id) (rate(inbound_http_authz_deny_total{${sel}}[5m]))`,
    ...(tcp ? [`#   sum by (srv_name, client_id) (rate(inbound_tcp_authz_deny_total{${sel}}[5m]))`] : []),
  ];
}
