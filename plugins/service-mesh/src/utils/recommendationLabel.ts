import type { Recommendation } from '@meshlens/plugin-service-mesh-common';

const labels: Record<Recommendation, string> = {
  'adopt-now': 'Adopt now',
  prepare: 'Prepare',
  'not-yet': 'Not yet',
  'already-meshed': 'Already meshed',
};

/**
 * The readable label of an adoption recommendation, e.g. `adopt-now` →
 * `Adopt now`; an unknown value is shown as is.
 *
 * @internal
 */
export function recommendationLabel(recommendation: Recommendation): string {
  return labels[recommendation] ?? recommendation;
}
