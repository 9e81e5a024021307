// @ts-check
// How the operations page writes numbers: milliseconds as seconds past one, shares as percentages, counts
// to two decimals, money in US dollars; a missing figure as an en dash.

const MISSING = "–";

/** @param {number | null | undefined} ms */
export function duration(ms) {
  if (ms === null || ms === undefined) return MISSING;
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** @param {number | null | undefined} share */
export function percent(share) {
  if (share === null || share === undefined) return MISSING;
  return `${(share * 100).toFixed(1)}%`;
}

/** @param {number | null | undefined} value */
export function decimal(value) {
  return value === null || value === undefined ? MISSING : value.toFixed(2);
}

/**
 * A count, or a rate of one, to two decimals at most (3, 0.25).
 * @param {number | null | undefined} value
 */
export function count(value) {
  return value === null || value === undefined ? MISSING : String(Math.round(value * 100) / 100);
}

/** @param {number | null | undefined} usd */
export function dollars(usd) {
  if (usd === null || usd === undefined) return MISSING;
  return `$${usd < 1 ? usd.toFixed(4) : usd.toFixed(2)}`;
}

/** @param {string | null | undefined} iso */
export function clockTime(iso) {
  return iso
    ? new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })
    : MISSING;
}
