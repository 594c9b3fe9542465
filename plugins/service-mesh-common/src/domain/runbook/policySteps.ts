import { RunbookStep } from '../../api/EntityMeshReport';
import { GeneratedWorkloadPolicy } from '../../api/GeneratedPolicy';
import { AnalyzedWorkload } from '../clusterMesh';
import { step } from './step';

/**
 * One `policies` step per workload with generated policy (adoption-model.md §5 item 7): the
 * commented YAML written to a file, then the audit-first rollout. Done when every generated
 * Server already exists and selects the workload.
 */
export function policySteps(policies: GeneratedWorkloadPolicy[], workloads: AnalyzedWorkload[]): RunbookStep[] {
  return policies.filter(p => p.documents.length > 0).map(p => {
    const live = workloads.find(a => a.workload.cluster === p.cluster && a.workload.namespace === p.namespace && a.workload.name === p.name && a.workload.kind === p.kind);
    const liveServers = new Set((live?.mesh.report.policy?.servers ?? []).map(s => s.name));
    const servers = p.documents.filter(d => d.kind === 'Server').map(d => (d.metadata as { name: string }).name);
    const seen = p.callers.filter(c => c.seen).length;
    const declared = p.callers.filter(c => c.declared).length;
    const undeclared = p.callers.filter(c => c.undeclared).length;
    const file = `${p.name}-policy.yaml`;
    return step('policies', `authorization-${p.namespace}-${p.name}`, `Authorize the callers of ${p.kind} ${p.namespace}/${p.name}, audit mode first`,
      [`${seen} caller identit${seen === 1 ? 'y' : 'ies'} seen in the window, ${declared} declared in the catalog${undeclared ? `, ${undeclared} seen but not declared (marked in the YAML)` : ''}.`, ...p.notes].join(' '),
      [`cat > ${file} <<'EOF'\n${p.yaml}EOF`, ...p.rollout],
      servers.length > 0 && servers.every(s => liveServers.has(s)),
      { verify: [`kubectl -n ${p.namespace} get servers.policy.linkerd.io,authorizationpolicies.policy.linkerd.io,meshtlsauthentications.policy.linkerd.io -l app.kubernetes.io/managed-by=meshlens`], rollback: [`kubectl delete -f ${file}`] });
  });
}
