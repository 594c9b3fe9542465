import type { RunbookPhase } from '@meshlens/plugin-service-mesh-common';
import { makeRunbookStep } from '../__testUtils__/makeRunbookStep';
import { groupRunbookSteps } from './groupRunbookSteps';

describe('groupRunbookSteps', () => {
  it('groups by phase in runbook order and numbers the steps in that order', () => {
    const groups = groupRunbookSteps([
      makeRunbookStep({ id: 'inject', phase: 'mesh-workloads' }),
      makeRunbookStep({ id: 'check-pre', phase: 'prerequisites' }),
      makeRunbookStep({ id: 'restart', phase: 'mesh-workloads' }),
      makeRunbookStep({ id: 'install', phase: 'install' }),
    ]);

    expect(
      groups.map(g => [g.title, g.steps.map(s => `${s.number} ${s.step.id}`)]),
    ).toEqual([
      ['Prerequisites', ['1 check-pre']],
      ['Install', ['2 install']],
      ['Mesh the workloads', ['3 inject', '4 restart']],
    ]);
  });

  it('puts steps of unknown phases last, headed by the phase id', () => {
    const groups = groupRunbookSteps([
      makeRunbookStep({ id: 'x', phase: 'multicluster' as RunbookPhase }),
      makeRunbookStep({ id: 'y', phase: 'policies' }),
    ]);

    expect(groups.map(g => g.title)).toEqual(['Policies', 'multicluster']);
    expect(groups[1].steps[0].number).toBe(2);
  });

  it('returns nothing for no steps', () => {
    expect(groupRunbookSteps([])).toEqual([]);
  });
});
