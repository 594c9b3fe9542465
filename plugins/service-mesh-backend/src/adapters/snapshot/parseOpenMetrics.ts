/** One series of a recorded metric: name, labels and its (time, value) samples in order. */
export interface RecordedSeries {
  name: string;
  labels: Record<string, string>;
  samples: Array<[t: number, v: number]>;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(?:\s+(\S+))?\s*$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;

function parseLabels(text: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const m = LABEL.exec(text);
    if (!m || LABEL.lastIndex === start) return undefined;
    labels[m[1]] = m[2].replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

/**
 * Parses OpenMetrics text with timestamps in seconds (what `promtool tsdb create-blocks-from
 * openmetrics` reads). A malformed line or a missing `# EOF` is reported with its line number;
 * the other samples are kept.
 */
export function parseOpenMetrics(text: string): { series: RecordedSeries[]; errors: Array<{ line: number; message: string }> } {
  const byKey = new Map<string, RecordedSeries>();
  const errors: Array<{ line: number; message: string }> = [];
  const lines = text.split('\n');
  let eof = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || eof) return;
    if (line === '# EOF') { eof = true; return; }
    if (line.startsWith('#')) return;
    const m = LINE.exec(line);
    const labels = m ? parseLabels(m[3] ?? '') : undefined;
    const value = m ? Number(m[4] === '+Inf' ? Infinity : m[4]) : NaN;
    const t = m?.[5] !== undefined ? Number(m[5]) : NaN;
    if (!m || !labels || Number.isNaN(value) || Number.isNaN(t)) {
      errors.push({ line: i + 1, message: m && Number.isNaN(t) ? 'sample without a timestamp' : 'malformed sample' });
      return;
    }
    const key = `${m[1]}{${m[3] ?? ''}}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { name: m[1], labels, samples: [] }));
    s.samples.push([t, value]);
  });
  if (!eof) errors.push({ line: lines.length, message: 'missing "# EOF" (truncated file?)' });
  for (const s of byKey.values()) s.samples.sort((a, b) => a[0] - b[0]);
  return { series: [...byKey.values()], errors };
}
