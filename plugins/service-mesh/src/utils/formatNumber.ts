/**
 * Formats a count or rate for display: thousands separators and at most two
 * decimals (one from 10 up, none from 1000 up), e.g. `12.3456` → `12.3`.
 *
 * @internal
 */
export function formatNumber(value: number): string {
  let digits = 2;
  if (Math.abs(value) >= 1000) {
    digits = 0;
  } else if (Math.abs(value) >= 10) {
    digits = 1;
  }
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
