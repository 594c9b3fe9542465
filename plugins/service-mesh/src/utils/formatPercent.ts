/**
 * Formats a ratio (0..1) as a percentage with two decimals, rounding down so
 * that anything short of 1 never shows as `100.00%` (e.g. `0.98754` →
 * `98.75%`, `1` → `100%`).
 *
 * @internal
 */
export function formatPercent(ratio: number): string {
  if (ratio >= 1) {
    return '100%';
  }
  if (ratio <= 0) {
    return '0%';
  }
  return `${(Math.floor(ratio * 10000) / 100).toFixed(2)}%`;
}
