// The new app's Yarn lockfile, compared entry by entry with the committed one: the packed
// @meshlens packages change with every commit (their entries, and the ranges the workspaces
// depend on them with: the packed version is named by content), everything else must stay as pinned.

/** Entries of a Yarn lockfile by their key line (`"name@npm:^1.0.0":`), with the entry's text. */
export function lockfileEntries(lock: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const block of lock.split(/\n(?=\S)/)) {
    const [key, ...body] = block.split('\n');
    if (key.startsWith('#') || key.trim() === '') continue;
    entries.set(key, body.join('\n').trimEnd());
  }
  return entries;
}

const ownedBy = (key: string, prefix: string) => key.replace(/^"/, '').startsWith(prefix);

/** The lockfile without the entries of packages whose name starts with `prefix`. */
export function withoutPackages(lock: string, prefix: string): string {
  return lock.split(/\n(?=\S)/).filter(block => !ownedBy(block.split('\n')[0], prefix)).join('\n');
}

/** The entry with the ranges of dependencies on `prefix` packages left out (`"@meshlens/x": …`). */
function withoutRangesOf(body: string, prefix: string): string {
  return body.split('\n').map(line => (line.trim().replace(/^"/, '').startsWith(prefix) ? line.replace(/: .*$/, ': (packed)') : line)).join('\n');
}

/** How `actual` differs from `committed` outside the `prefix` packages, as sentences. */
export function lockfileProblems(committed: string, actual: string, prefix: string): string[] {
  const normalised = (lock: string) => new Map([...lockfileEntries(lock)].map(([key, body]) => [key, withoutRangesOf(body, prefix)]));
  const want = normalised(committed);
  const got = normalised(actual);
  const problems: string[] = [];
  for (const [key, body] of got) {
    if (ownedBy(key, prefix)) continue;
    if (!want.has(key)) problems.push(`new entry ${key}\n${body}`);
    else if (want.get(key) !== body) problems.push(`changed entry ${key}\n${body}`);
  }
  for (const key of want.keys()) if (!got.has(key) && !ownedBy(key, prefix)) problems.push(`entry no longer used: ${key}`);
  if (problems.length > 0) {
    problems.push('The new app resolved other versions than test/packaging/yarn.lock pins. If a package gained a dependency on purpose, re-pin with MESHLENS_PACKAGING_REFRESH_LOCKFILE=1 node --test test/packaging/packaging.test.ts');
  }
  return problems;
}
