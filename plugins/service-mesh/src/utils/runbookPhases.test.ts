import { runbookPhases } from './runbookPhases';

describe('runbookPhases', () => {
  it('lists the ten phases in order with readable headings', () => {
    expect(runbookPhases.map(p => p.title)).toEqual([
      'Prerequisites',
      'Certificates',
      'Install',
      'Verify the control plane',
      'Mesh the workloads',
      'Verify traffic',
      'Policies',
      'Observability',
      'Failure scenarios',
      'Rollback and removal',
    ]);
    expect(runbookPhases[3].phase).toBe('verify-control-plane');
  });
});
