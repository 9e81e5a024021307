// The automatic rollback's test: a fine-tuned variant goes to 0% when, over a minimum sample of each, its
// error rate is significantly higher than the baseline's (a one-sided two-proportion z test) or its mean
// confidence significantly lower (Welch's t), and the difference is large enough to matter.
import { mean } from "../stats.js";
import type { VariantWindow } from "./variant-statistics.js";

/** One-sided z (or t) past which "significantly worse" holds: about 99%. */
const SIGNIFICANT = 2.33;
/** And the difference must matter: 5 points of error rate, 0.05 of confidence. */
const MIN_ERROR_GAP = 0.05;
const MIN_CONFIDENCE_GAP = 0.05;

/** Why the fine-tuned window is significantly worse than the baseline's, or null. */
export function worseBy(
  finetuned: VariantWindow,
  baseline: VariantWindow,
  minSamples: number,
): string | null {
  const nf = finetuned.calls.length;
  const nb = baseline.calls.length;
  if (nf >= minSamples && nb >= minSamples) {
    const ef = finetuned.calls.filter((call) => call.error).length;
    const eb = baseline.calls.filter((call) => call.error).length;
    const pf = ef / nf;
    const pb = eb / nb;
    const pooled = (ef + eb) / (nf + nb);
    const spread = Math.sqrt(pooled * (1 - pooled) * (1 / nf + 1 / nb));
    const z = spread === 0 ? 0 : (pf - pb) / spread;
    if (z > SIGNIFICANT && pf - pb >= MIN_ERROR_GAP) {
      return `error rate ${percent(pf)} vs baseline ${percent(pb)} over ${nf} and ${nb} calls (z = ${z.toFixed(1)})`;
    }
  }
  const cf = finetuned.confidences.map((entry) => entry.value);
  const cb = baseline.confidences.map((entry) => entry.value);
  if (cf.length >= minSamples && cb.length >= minSamples) {
    const mf = mean(cf);
    const mb = mean(cb);
    const spread = Math.sqrt(variance(cf, mf) / cf.length + variance(cb, mb) / cb.length);
    const t = spread === 0 ? (mb > mf ? Number.POSITIVE_INFINITY : 0) : (mb - mf) / spread;
    if (t > SIGNIFICANT && mb - mf >= MIN_CONFIDENCE_GAP) {
      return `mean confidence ${mf.toFixed(2)} vs baseline ${mb.toFixed(2)} over ${cf.length} and ${cb.length} answers (t = ${Number.isFinite(t) ? t.toFixed(1) : "∞"})`;
    }
  }
  return null;
}

function variance(values: readonly number[], average: number): number {
  if (values.length < 2) return 0;
  return values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
