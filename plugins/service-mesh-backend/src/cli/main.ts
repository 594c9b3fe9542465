/* eslint-disable no-console */
import { assessSnapshot, UsageError } from './assess';
import { assessMarkdown } from './assessMarkdown';

const USAGE = `usage: meshlens assess --snapshot DIR [--entity REF] [--format json|markdown]

  Assesses every catalog entity of a snapshot directory (cluster/, catalog/, metrics/): mesh
  status, findings, mTLS and golden metrics, adoption triggers and runbook.
  Exit codes: 0 ok, 1 errors[] not empty (a malformed file, ...), 2 usage error.`;

function parse(argv: string[]) {
  const [command, ...rest] = argv;
  if (command !== 'assess') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i];
    if (!['--snapshot', '--entity', '--format'].includes(key)) throw new UsageError(`unknown option "${key}"`);
    if (rest[i + 1] === undefined) throw new UsageError(`${key} needs a value`);
    opts[key.slice(2)] = rest[i + 1];
  }
  if (!opts.snapshot) throw new UsageError('--snapshot DIR is required (live clusters: see the README)');
  const format = opts.format ?? 'json';
  if (format !== 'json' && format !== 'markdown') throw new UsageError(`--format must be json or markdown, not "${format}"`);
  return { snapshot: opts.snapshot, entity: opts.entity, format };
}

async function main(argv: string[]): Promise<number> {
  try {
    const args = parse(argv);
    const result = await assessSnapshot(args.snapshot, args.entity);
    process.stdout.write(args.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : assessMarkdown(result));
    return result.errors.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`meshlens: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`meshlens: ${(e as Error).message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; });
