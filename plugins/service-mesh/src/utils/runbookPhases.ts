import type { RunbookPhase } from '@meshlens/plugin-service-mesh-common';

const titles: Record<RunbookPhase, string> = {
  prerequisites: 'Prerequisites',
  certificates: 'Certificates',
  install: 'Install',
  'verify-control-plane': 'Verify the control plane',
  'mesh-workloads': 'Mesh the workloads',
  'verify-traffic': 'Verify traffic',
  policies: 'Policies',
  observability: 'Observability',
  'failure-scenarios': 'Failure scenarios',
  'rollback-and-removal': 'Rollback and removal',
};

/**
 * The phases of an adoption runbook in the order they are carried out, each
 * with the heading shown for it.
 *
 * @internal
 */
export const runbookPhases: ReadonlyArray<{
  phase: RunbookPhase;
  title: string;
}> = (Object.keys(titles) as RunbookPhase[]).map(phase => ({
  phase,
  title: titles[phase],
}));
