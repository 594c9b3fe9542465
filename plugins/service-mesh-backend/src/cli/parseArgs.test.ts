import { UsageError } from './assess';
import { parseArgs } from './parseArgs';

const spec = { kubeconfig: 'optional', out: 'one', catalog: 'many' } as const;

describe('parseArgs', () => {
  it('reads single, optional and repeated values', () => {
    expect(parseArgs(['--kubeconfig', '--catalog', 'a.yaml', 'b.yaml', '--out', 'dir'], spec)).toEqual({ kubeconfig: [], catalog: ['a.yaml', 'b.yaml'], out: ['dir'] });
    expect(parseArgs(['--kubeconfig', 'kc.yaml', '--catalog', 'a.yaml', '--catalog', 'b.yaml'], spec)).toEqual({ kubeconfig: ['kc.yaml'], catalog: ['a.yaml', 'b.yaml'] });
  });

  it.each([
    [['--nope'], 'unknown option "--nope"'],
    [['--out'], '--out needs a value'],
    [['--out', 'a', 'b'], '--out takes one value, "b" is extra'],
    [['--out', 'a', '--out', 'b'], '--out given twice'],
    [['stray'], 'unexpected argument "stray"'],
    [['--catalog'], '--catalog needs a value'],
  ])('%j is a usage error', (args, message) => {
    expect(() => parseArgs(args, spec)).toThrow(new UsageError(message));
  });
});
