/* eslint-disable no-console */
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseWindow } from '../config/ServiceMeshConfig';
import { assessSnapshot, AssessResult, UsageError } from './assess';
import { assessMarkdown } from './assessMarkdown';
import { captureSnapshot, CaptureResult, loadKubeConfig } from './captureSnapshot';
import { parseArgs } from './parseArgs';

const USAGE = `usage:
  meshlens assess --snapshot DIR [--entity REF] [--format json|markdown]
  meshlens assess --kubeconfig [FILE] [--context C] [--prometheus URL] [--window 1h] [--at UNIX]
                  --catalog FILE... [--entity REF] [--format json|markdown]
  meshlens snapshot --kubeconfig [FILE] [--context C] [--prometheus URL] [--window 1h] [--at UNIX]
                  [--catalog FILE...] --out DIR

  assess    the full report (mesh status, findings, mTLS and golden metrics, adoption triggers,
            runbook) of every catalog entity, from a snapshot directory or a live cluster.
  snapshot  captures a live cluster (never Secrets) and its Prometheus into a snapshot directory;
            the directory's name is the cluster name the snapshot reports.
  --kubeconfig without FILE reads $KUBECONFIG or ~/.kube/config. --at pins "now" for replayed
  metrics. Exit codes: 0 ok, 1 errors[] not empty (a malformed file, an unreadable kind, ...),
  2 usage error.`;

const LIVE = { kubeconfig: 'optional', context: 'one', prometheus: 'one', window: 'one', at: 'one', catalog: 'many', 'control-plane-namespace': 'one' } as const;

function live(o: Record<string, string[]>) {
  const window = o.window?.[0] ?? '1h';
  const windowSeconds = parseWindow(window);
  if (windowSeconds === undefined) throw new UsageError(`--window must be a duration from 1m to 24h, not "${window}"`);
  const at = o.at?.[0];
  if (at !== undefined && !/^[0-9]{9,11}$/.test(at)) throw new UsageError(`--at must be unix seconds, not "${at}"`);
  return {
    kubeconfig: o.kubeconfig?.[0],
    context: o.context?.[0],
    prometheus: o.prometheus?.[0],
    windowSeconds,
    at: at === undefined ? undefined : Number(at),
    controlPlaneNamespace: o['control-plane-namespace']?.[0] ?? 'linkerd',
    catalog: o.catalog ?? [],
  };
}

function formatOf(o: Record<string, string[]>): 'json' | 'markdown' {
  const format = o.format?.[0] ?? 'json';
  if (format !== 'json' && format !== 'markdown') throw new UsageError(`--format must be json or markdown, not "${format}"`);
  return format;
}

async function assess(args: string[]): Promise<AssessResult & { format: 'json' | 'markdown' }> {
  const o = parseArgs(args, { ...LIVE, snapshot: 'one', entity: 'one', format: 'one' });
  const format = formatOf(o);
  if (o.snapshot && o.kubeconfig) throw new UsageError('give --snapshot or --kubeconfig, not both');
  if (o.snapshot) return { ...(await assessSnapshot(o.snapshot[0], o.entity?.[0])), format };
  if (!o.kubeconfig) throw new UsageError('--snapshot DIR or --kubeconfig [FILE] is required');
  const opts = live(o);
  if (opts.catalog.length === 0) throw new UsageError('--catalog FILE... is required with --kubeconfig');
  const { clusterName } = await loadKubeConfig(opts);
  const tmp = await mkdtemp(join(tmpdir(), 'meshlens-assess-'));
  try {
    const out = join(tmp, clusterName.replace(/[^A-Za-z0-9._-]/g, '-'));
    const captured = await captureSnapshot({ ...opts, out });
    const result = await assessSnapshot(out, o.entity?.[0], opts.windowSeconds);
    return { ...result, errors: [...captured.errors, ...result.errors], format };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function snapshot(args: string[]): Promise<CaptureResult> {
  const o = parseArgs(args, { ...LIVE, out: 'one' });
  if (!o.out) throw new UsageError('--out DIR is required');
  return captureSnapshot({ ...live(o), out: o.out[0] });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'assess') {
      const result = await assess(rest);
      const { format, ...report } = result;
      process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : assessMarkdown(report));
      return report.errors.length > 0 ? 1 : 0;
    }
    if (command === 'snapshot') {
      const result = await snapshot(rest);
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return result.errors.length > 0 ? 1 : 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
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
