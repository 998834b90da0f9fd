/** min / p50 / p95 / max (nearest rank) and total of a list of timings. */
export function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return {
    n: s.length,
    min: s[0] ?? 0,
    p50: q(0.5),
    p95: q(0.95),
    max: s[s.length - 1] ?? 0,
    total: s.reduce((a, b) => a + b, 0),
  };
}
