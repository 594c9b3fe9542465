import { EmptyState, InfoCard } from '@backstage/core-components';
import type {
  ClusterMeshSummary,
  GeneratedWorkloadPolicy,
  WorkloadReport,
} from '@meshlens/plugin-service-mesh-common';
import { GeneratedPolicyPanel } from '../GeneratedPolicyPanel/GeneratedPolicyPanel';
import { WorkloadPolicySection } from '../WorkloadPolicySection/WorkloadPolicySection';

/**
 * Props of {@link PolicyCard}.
 *
 * @internal
 */
export interface PolicyCardProps {
  workloads: WorkloadReport[];
  clusters: ClusterMeshSummary[];
  generatedPolicy?: GeneratedWorkloadPolicy[];
}

function workloadKey(workload: WorkloadReport): string {
  return `${workload.cluster}/${workload.namespace}/${workload.kind}/${workload.name}`;
}

/**
 * Linkerd policy and routes of an entity's workloads ("Policy & routes"): per
 * workload its default inbound policy, Servers, AuthorizationPolicies,
 * HTTPRoutes and rate limits. When no workload carries policy, an empty state
 * says whether Linkerd is missing or its policy CRDs are not served.
 *
 * @internal
 */
export function PolicyCard(props: PolicyCardProps) {
  const { workloads, clusters } = props;
  const clusterByName = new Map(clusters.map(c => [c.name, c]));

  let content;
  if (!workloads.some(workload => workload.policy)) {
    const linkerdInstalled = clusters.some(c => c.linkerdInstalled);
    const names = Array.from(new Set(workloads.map(w => w.cluster))).join(', ');
    content = linkerdInstalled ? (
      <EmptyState
        missing="info"
        title="Linkerd's policy CRDs are not served in this cluster"
        description={`Without the policy.linkerd.io CRDs (Servers, AuthorizationPolicies, HTTPRoutes…) there is no policy to show for ${
          names || 'this entity'
        }; every workload gets its default inbound policy.`}
      />
    ) : (
      <EmptyState
        missing="info"
        title="Linkerd is not installed"
        description="Install Linkerd to apply Servers, AuthorizationPolicies, HTTPRoutes and rate limits to the workloads."
      />
    );
  } else {
    content = workloads.map(workload => (
      <WorkloadPolicySection
        key={workloadKey(workload)}
        workload={workload}
        clusterDefaultInboundPolicy={
          clusterByName.get(workload.cluster)?.defaultInboundPolicy
        }
      />
    ));
  }

  return (
    <InfoCard
      title="Policy & routes"
      subheader="Linkerd Servers, authorization, HTTPRoutes and rate limits per workload"
    >
      {content}
      <GeneratedPolicyPanel policies={props.generatedPolicy} />
    </InfoCard>
  );
}
