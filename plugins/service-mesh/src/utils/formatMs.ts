import { formatNumber } from './formatNumber';

/**
 * Formats a latency in milliseconds, e.g. `27.25` → `27.3 ms`.
 *
 * @internal
 */
export function formatMs(ms: number): string {
  return `${formatNumber(ms)} ms`;
}
