import { promises as fs } from 'fs';
import { join } from 'path';

/** Files under `dir` (recursively) whose names end with one of `extensions`, sorted; [] when absent. */
export async function listFiles(dir: string, extensions: string[]): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const nested = await Promise.all(
    entries.map(async entry => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(path, extensions);
      return extensions.some(ext => entry.name.endsWith(ext)) ? [path] : [];
    }),
  );
  return nested.flat().sort();
}
