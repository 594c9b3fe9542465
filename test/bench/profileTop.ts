// Reads a .cpuprofile (V8 / Chrome DevTools JSON) and lists the functions with the most self
// time. Usage: node test/bench/profileTop.ts <file.cpuprofile> [count]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { REPO } from '../support/backend.ts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export interface HotFunction { name: string; location: string; selfMs: number; share: number }

const where = (url: string, line: number) => {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? url.slice(7) : url;
  const short = path.startsWith(REPO) ? relative(REPO, path) : path;
  return `${short.replace(/^node_modules\//, '~/')}:${line + 1}`;
};

/** The `count` functions with the most self time (aggregated by name and location). */
export function topSelfTime(profile: CpuProfile, count = 15): HotFunction[] {
  const nodes = new Map(profile.nodes.map(n => [n.id, n]));
  const self = new Map<string, { name: string; location: string; us: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = nodes.get(id)!.callFrame;
    const location = where(frame.url, frame.lineNumber);
    const key = `${frame.functionName}@${location}`;
    const entry = self.get(key) ?? { name: frame.functionName || '(anonymous)', location, us: 0 };
    entry.us += us;
    self.set(key, entry);
    total += us;
  });
  return [...self.values()].sort((a, b) => b.us - a.us).slice(0, count)
    .map(e => ({ name: e.name, location: e.location, selfMs: e.us / 1000, share: total ? e.us / total : 0 }));
}

/** A printable table of the top functions. */
export function formatTop(top: HotFunction[]): string {
  return top.map((f, i) => `${String(i + 1).padStart(2)}. ${f.selfMs.toFixed(0).padStart(7)} ms ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.name}  ${f.location}`).join('\n');
}

if (import.meta.main || process.argv[1] === import.meta.filename) {
  const [file, count] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node test/bench/profileTop.ts <file.cpuprofile> [count]');
    process.exit(2);
  }
  console.log(formatTop(topSelfTime(JSON.parse(readFileSync(file, 'utf8')), Number(count ?? 15))));
}
