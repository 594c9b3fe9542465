import { promises as fs } from 'fs';
import { relative } from 'path';
import { SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import { parseOpenMetrics, RecordedSeries } from './parseOpenMetrics';

/** Reads a snapshot's `metrics/*.om` files; malformed lines are named with path and line. */
export async function readSnapshotMetrics(files: string[], base: string): Promise<{
  series: RecordedSeries[];
  errors: SourceErrorReport[];
  lastSampleTime?: number;
}> {
  const series: RecordedSeries[] = [];
  const errors: SourceErrorReport[] = [];
  for (const file of files) {
    const parsed = parseOpenMetrics(await fs.readFile(file, 'utf8'));
    series.push(...parsed.series);
    const source = `snapshot:${relative(base, file)}`;
    for (const e of parsed.errors.slice(0, 5)) errors.push({ source, message: `line ${e.line}: ${e.message}` });
    if (parsed.errors.length > 5) errors.push({ source, message: `${parsed.errors.length - 5} more malformed lines` });
  }
  const last = series.reduce((t, s) => Math.max(t, s.samples.at(-1)?.[0] ?? 0), 0);
  return { series, errors, lastSampleTime: last || undefined };
}
