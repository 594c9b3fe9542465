import type { RunbookStep } from '@meshlens/plugin-service-mesh-common';

/**
 * Builds a {@link @meshlens/plugin-service-mesh-common#RunbookStep} for
 * tests: an open `linkerd check --pre` prerequisite with a verify and a
 * rollback command, with overrides applied on top.
 *
 * @internal
 */
export function makeRunbookStep(
  overrides: Partial<RunbookStep> = {},
): RunbookStep {
  return {
    id: 'check-pre',
    phase: 'prerequisites',
    title: 'Check the cluster can run Linkerd',
    why: 'The pre-install checks catch missing permissions and old Kubernetes versions.',
    commands: ['linkerd check --pre'],
    verify: ['linkerd version --client'],
    rollback: ['echo nothing to undo'],
    done: false,
    ...overrides,
  };
}
