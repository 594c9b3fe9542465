import { isServiceMeshAvailable } from './isServiceMeshAvailable';
import { makeEntity } from '../__testUtils__/makeEntity';

describe('isServiceMeshAvailable', () => {
  it('accepts entities with a kubernetes id', () => {
    expect(
      isServiceMeshAvailable(
        makeEntity({ 'backstage.io/kubernetes-id': 'checkout' }),
      ),
    ).toBe(true);
  });

  it('accepts entities with a label selector', () => {
    expect(
      isServiceMeshAvailable(
        makeEntity({ 'backstage.io/kubernetes-label-selector': 'app=a' }),
      ),
    ).toBe(true);
  });

  it('rejects entities without either annotation', () => {
    expect(isServiceMeshAvailable(makeEntity())).toBe(false);
    expect(
      isServiceMeshAvailable(makeEntity({ 'backstage.io/kubernetes-id': '' })),
    ).toBe(false);
  });
});
