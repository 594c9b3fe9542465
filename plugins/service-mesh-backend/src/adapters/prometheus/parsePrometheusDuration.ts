const UNITS: Array<[string, number]> = [['y', 365 * 86400], ['w', 7 * 86400], ['d', 86400], ['h', 3600], ['m', 60], ['s', 1], ['ms', 0.001]];
const PATTERN = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/**
 * A Prometheus duration (`10s`, `1m30s`, `500ms`: units y, w, d, h, m, s, ms from largest to
 * smallest, as `ParseDuration` in model/time.go of github.com/prometheus/common v0.72.1 reads them) in seconds;
 * undefined when it is not one or is zero.
 */
export function parsePrometheusDuration(value: string): number | undefined {
  const m = PATTERN.exec(value.trim());
  if (!m || value.trim() === '') return undefined;
  const seconds = UNITS.reduce((sum, [, unit], i) => sum + Number(m[i + 1] ?? 0) * unit, 0);
  return seconds > 0 ? seconds : undefined;
}
