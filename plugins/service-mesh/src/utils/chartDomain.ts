/**
 * A y-axis domain for `values` that never collapses to one value: 10 % of
 * the span as margin; when the values (nearly) agree, a span of 5 % of their
 * size (at least `minSpan`) around them, so that the axis labels still differ.
 * Clamped to `[floor, ceiling]` when given, shifting a minimum span inside.
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
  const minimum = Math.max(minSpan, Math.abs(max) * 0.05);
  if (span >= minimum) {
    const pad = span * 0.1;
    return [
      floor === undefined ? min - pad : Math.max(floor, min - pad),
      ceiling === undefined ? max + pad : Math.min(ceiling, max + pad),
    ];
  }
  const middle = (min + max) / 2;
  let lo = middle - minimum / 2;
  let hi = middle + minimum / 2;
  if (ceiling !== undefined && hi > ceiling) {
    lo -= hi - ceiling;
    hi = ceiling;
  }
  if (floor !== undefined && lo < floor) {
    hi += floor - lo;
    lo = floor;
  }
  return [lo, hi];
}
