/**
 * A y-axis domain for `values` that never collapses to one value: 10 % of
 * the span as margin, or 5 % of the value (at least `minSpan`) when every
 * value is the same; clamped to `[floor, ceiling]` when given.
 *
 * @internal
 */
export function chartDomain(
  values: number[],
  options: { floor?: number; ceiling?: number; minSpan?: number } = {},
): [number, number] {
  const { floor, ceiling, minSpan = 1e-3 } = options;
  if (values.length === 0) return [floor ?? 0, ceiling ?? 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const pad = span > 0 ? span * 0.1 : Math.max(Math.abs(max) * 0.05, minSpan);
  let lo = min - pad;
  let hi = max + pad;
  if (floor !== undefined && lo < floor) lo = floor;
  if (ceiling !== undefined && hi > ceiling) hi = ceiling;
  if (hi - lo < minSpan) {
    if (ceiling !== undefined && hi >= ceiling) lo = hi - pad;
    else hi = lo + pad;
  }
  return [lo, hi];
}
