import { RunbookPhase, RunbookStep } from '../../api/EntityMeshReport';

/** Builds a step with empty verify/rollback lists unless given. */
export function step(phase: RunbookPhase, id: string, title: string, why: string, commands: string[], done: boolean, extra: { verify?: string[]; rollback?: string[] } = {}): RunbookStep {
  return { id, phase, title, why, commands, verify: extra.verify ?? [], rollback: extra.rollback ?? [], done };
}

/** Kubernetes resource name in kubectl's `kind/name` form. */
export function resource(kind: string, name: string): string {
  return `${kind.toLowerCase()}/${name}`;
}
