import type { RunbookStep } from '@meshlens/plugin-service-mesh-common';
import { runbookPhases } from './runbookPhases';

/**
 * The steps of one runbook phase, each with its number in the whole runbook.
 *
 * @internal
 */
export interface RunbookPhaseGroup {
  phase: string;
  title: string;
  steps: Array<{ step: RunbookStep; number: number }>;
}

/**
 * Groups runbook steps by phase, phases in the order they are carried out and
 * steps in the order given within a phase; phases without steps are left
 * out. Steps of a phase this version does not know come last, headed by the
 * phase id. Steps are numbered 1… in the resulting order.
 *
 * @internal
 */
export function groupRunbookSteps(steps: RunbookStep[]): RunbookPhaseGroup[] {
  const known = runbookPhases.map(({ phase, title }) => ({
    phase: phase as string,
    title,
  }));
  const unknown = [...new Set(steps.map(step => step.phase as string))]
    .filter(phase => !known.some(k => k.phase === phase))
    .map(phase => ({ phase, title: phase }));

  let number = 0;
  return [...known, ...unknown]
    .map(({ phase, title }) => ({
      phase,
      title,
      steps: steps
        .filter(step => step.phase === phase)
        .map(step => ({ step, number: ++number })),
    }))
    .filter(group => group.steps.length > 0);
}
