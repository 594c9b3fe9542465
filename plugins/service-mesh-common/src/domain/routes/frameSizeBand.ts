import { bucketBound } from '../metrics/metricsWindow';

const size = (bytes: number) => (bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} B`);

/**
 * The size band holding the median frame of a frame-size histogram (cumulative `le` buckets).
 * The proxy's buckets are 128 B, 1 KiB and 10 KiB (linkerd2-proxy `linkerd/http/prom/src/body_data/metrics.rs`):
 * an interpolated quantile would invent precision the buckets do not have, so the answer is the
 * bucket's range ("1 KiB–10 KiB", "> 10 KiB"). Undefined without frames.
 */
export function frameSizeBand(buckets: Array<{ le: number; count: number }>): { frames: number; band: string } | undefined {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const frames = sorted.find(b => b.le === Infinity)?.count ?? 0;
  if (!(frames > 0)) return undefined;
  let lower = 0;
  for (const b of sorted) {
    if (b.count >= frames / 2) {
      if (b.le === Infinity) return { frames, band: `> ${size(lower)}` };
      return { frames, band: lower === 0 ? `≤ ${size(b.le)}` : `${size(lower)}–${size(b.le)}` };
    }
    lower = b.le;
  }
  return { frames, band: `> ${size(lower)}` };
}

/** `le` label value as a number (`+Inf` → Infinity). */
export const leOf = (le: string | undefined) => bucketBound(le ?? '+Inf');
