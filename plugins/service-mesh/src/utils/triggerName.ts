import type { TriggerId } from '@meshlens/plugin-service-mesh-common';

const names: Record<TriggerId, string> = {
  scale: 'Scale',
  'multi-team': 'Multi-team',
  compliance: 'Compliance',
  canary: 'Canary releases',
  observability: 'Observability',
};

/**
 * The readable name of an adoption trigger, e.g. `canary` →
 * `Canary releases`; an unknown id is shown as is.
 *
 * @internal
 */
export function triggerName(id: TriggerId): string {
  return names[id] ?? id;
}
