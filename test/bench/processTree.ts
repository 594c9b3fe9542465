// Finds a process's descendants through /proc (parent PIDs from /proc/*/stat) and reads their
// resident memory, so the backend's own node process is measured even behind yarn or a CLI.
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter(e => /^\d+$/.test(e))) {
    const ppid = parentOf(Number(entry));
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** VmRSS of a process in MiB, or undefined when it is gone. */
export function rssMiB(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const isNode = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node';
  } catch {
    return false;
  }
};

/** The node process of the tree that runs the backend entry point (the deepest node process). */
export function backendNodePid(rootPid: number, entryHint: string): number {
  const tree = processTree(rootPid).filter(isNode);
  const running = tree.filter(p => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(entryHint);
    } catch {
      return false;
    }
  });
  const found = running.at(-1) ?? tree.at(-1);
  if (found === undefined) throw new Error(`no node process under PID ${rootPid}`);
  return found;
}
