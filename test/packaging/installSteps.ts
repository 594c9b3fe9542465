// The install steps of the packages' READMEs, read from the fenced blocks whose info string says
// `install` (```sh install, ```ts install, ```yaml install), and applied to an app directory. The
// READMEs are the single source: the packaging test runs what a reader would copy.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

/** One fenced block marked `install`. */
export interface InstallStep {
  readme: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  body: string;
}

/** The blocks marked `install`, in README order. */
export function readInstallSteps(readme: string): InstallStep[] {
  const lines = readFileSync(readme, 'utf8').split('\n');
  const steps: InstallStep[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S+)(.*)$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`${readme}:${i + 1}: unclosed code block`);
    if (open[2].split(/\s+/).includes('install')) steps.push({ readme, line: i + 1, lang: open[1], body: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return steps;
}

/** The file a `ts`/`yaml` step edits: its first line is a comment naming it (`// packages/backend/src/index.ts`). */
function targetOf(step: InstallStep): { file: string; rest: string[] } {
  const [first, ...rest] = step.body.split('\n');
  const m = /^(?:\/\/|#)\s*(\S+)\s*$/.exec(first);
  if (!m) throw new Error(`${step.readme}:${step.line}: an install block of ${step.lang} must start with a comment naming the file it edits`);
  return { file: m[1], rest };
}

function deepMerge(into: any, from: any): any {
  if (!into || typeof into !== 'object' || Array.isArray(into) || !from || typeof from !== 'object' || Array.isArray(from)) return from;
  for (const [k, v] of Object.entries(from)) into[k] = deepMerge(into[k], v);
  return into;
}

/**
 * Applies one step in `appDir`: `sh` runs the commands with bash (`yarn` is the app's own Yarn);
 * `ts`/`tsx` inserts the code lines before `backend.start();` (or at the end) of the named file;
 * `yaml` deep-merges the document into the named file. Returns the command output, for the log.
 */
export async function applyInstallStep(step: InstallStep, appDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const where = `${step.readme}:${step.line}`;
  if (step.lang === 'sh' || step.lang === 'bash') {
    const script = `set -euo pipefail\nyarn() { node "$(ls "$PWD"/.yarn/releases/yarn-*.cjs | head -1)" "$@"; }\n${step.body}\n`;
    try {
      const { stdout, stderr } = await promisify(execFile)('bash', ['-c', script], { cwd: appDir, env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 40 * 60_000 });
      return stdout + stderr;
    } catch (e: any) {
      throw new Error(`${where}: install step failed:\n${step.body}\n--- output ---\n${String(e.stdout ?? '').slice(-6000)}${String(e.stderr ?? '').slice(-3000)}`);
    }
  }
  const { file, rest } = targetOf(step);
  const path = join(appDir, file);
  if (step.lang === 'ts' || step.lang === 'tsx') {
    const code = rest.filter(l => l.trim() !== '' && !l.trim().startsWith('//'));
    const lines = readFileSync(path, 'utf8').split('\n');
    const missing = code.filter(l => !lines.includes(l));
    const at = lines.findIndex(l => l.trim() === 'backend.start();');
    lines.splice(at < 0 ? lines.length : at, 0, ...missing);
    writeFileSync(path, lines.join('\n'));
    return `${file}: added ${missing.length} line(s)\n`;
  }
  if (step.lang === 'yaml' || step.lang === 'yml') {
    const merged = deepMerge(YAML.parse(readFileSync(path, 'utf8')) ?? {}, YAML.parse(rest.join('\n')));
    writeFileSync(path, YAML.stringify(merged));
    return `${file}: merged\n`;
  }
  throw new Error(`${where}: install blocks of language "${step.lang}" are not understood (sh, ts, yaml)`);
}
