/** The search band: for each source row i, the target columns lo[i] … hi[i] the search visits. */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
  offset: Int32Array; // start of row i in the flat table
  size: number;
}

export function makeBand(n: number, m: number, centre: (i: number) => number, width: number): Band {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    const c = centre(i);
    lo[i] = Math.max(0, Math.floor(c - width));
    hi[i] = Math.min(m, Math.ceil(c + width));
    if (i > 0) lo[i] = Math.max(lo[i], lo[i - 1]);
    if (i > 0) hi[i] = Math.max(hi[i], hi[i - 1]);
  }
  lo[0] = 0;
  hi[n] = m;
  // Keep rows overlapping so that a path exists (monotone band).
  for (let i = n - 1; i >= 0; i--) hi[i] = Math.max(hi[i], Math.min(lo[i + 1], m));
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i] + (hi[i] - lo[i] + 1);
  return { lo, hi, offset, size: offset[n + 1] };
}
