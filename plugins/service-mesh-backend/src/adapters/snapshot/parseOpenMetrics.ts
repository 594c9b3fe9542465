/** One series of a recorded metric: name, labels and its (time, value) samples in order. */
export interface RecordedSeries {
  name: string;
  labels: Record<string, string>;
  samples: Array<[t: number, v: number]>;
}

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

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function sampleValue(text: string | undefined): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return text === undefined || text === '' ? NaN : Number(text);
}

/** A series line split into its series key (`name{labels}`) and the value and timestamp after it. */
function splitLine(line: string): { key: string; name: string; labels: string; rest: string[] } | undefined {
  const open = line.indexOf('{');
  const space = line.indexOf(' ');
  if (open >= 0 && (space < 0 || open < space)) {
    const close = line.lastIndexOf('}');
    if (close < open) return undefined;
    return { key: line.slice(0, close + 1), name: line.slice(0, open), labels: line.slice(open + 1, close), rest: line.slice(close + 1).trim().split(/\s+/) };
  }
  if (space < 0) return undefined;
  return { key: line.slice(0, space), name: line.slice(0, space), labels: '', rest: line.slice(space + 1).trim().split(/\s+/) };
}

/**
 * Parses OpenMetrics text with timestamps in seconds (what `promtool tsdb create-blocks-from
 * openmetrics` reads). A malformed line or a missing `# EOF` is reported with its line number;
 * the other samples are kept. Each series' labels are parsed once, on its first sample: a
 * recording repeats the same series text on every line, and the demo's holds hundreds of thousands.
 */
export function parseOpenMetrics(text: string): { series: RecordedSeries[]; errors: Array<{ line: number; message: string }> } {
  const byKey = new Map<string, RecordedSeries | null>();
  const errors: Array<{ line: number; message: string }> = [];
  const lines = text.split('\n');
  let eof = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || eof) return;
    if (line === '# EOF') { eof = true; return; }
    if (line.startsWith('#')) return;
    const parts = splitLine(line);
    let s = parts ? byKey.get(parts.key) : null;
    if (parts && s === undefined) {
      const labels = NAME.test(parts.name) ? parseLabels(parts.labels) : undefined;
      s = labels ? { name: parts.name, labels, samples: [] } : null;
      byKey.set(parts.key, s);
    }
    const value = sampleValue(parts?.rest[0]);
    const t = sampleValue(parts?.rest[1]);
    if (!parts || !s || Number.isNaN(value) || Number.isNaN(t) || parts.rest.length > 2) {
      errors.push({ line: i + 1, message: parts && s && !Number.isNaN(value) && parts.rest.length < 2 ? 'sample without a timestamp' : 'malformed sample' });
      return;
    }
    s.samples.push([t, value]);
  });
  if (!eof) errors.push({ line: lines.length, message: 'missing "# EOF" (truncated file?)' });
  const series = [...byKey.values()].filter((x): x is RecordedSeries => x !== null);
  for (const x of series) x.samples.sort((a, b) => a[0] - b[0]);
  return { series: series.filter(x => x.samples.length > 0), errors };
}
