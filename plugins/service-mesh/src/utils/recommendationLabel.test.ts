import type { Recommendation } from '@meshlens/plugin-service-mesh-common';
import { recommendationLabel } from './recommendationLabel';

describe('recommendationLabel', () => {
  it('names every recommendation and passes unknown ones through', () => {
    expect(recommendationLabel('adopt-now')).toBe('Adopt now');
    expect(recommendationLabel('prepare')).toBe('Prepare');
    expect(recommendationLabel('not-yet')).toBe('Not yet');
    expect(recommendationLabel('already-meshed')).toBe('Already meshed');
    expect(recommendationLabel('later' as Recommendation)).toBe('later');
  });
});
