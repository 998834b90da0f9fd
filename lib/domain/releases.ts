import { coversDate } from '../codesets/release';

/**
 * Release labels and effective dates, written once for every code system: how labels order, whether
 * a release covers a date of service, which loaded release is nearest to it, and one entry per
 * release label.
 */
export { coversDate };

/** Orders release labels oldest first: "FY2021" < "FY2026" < "FY2026 April update". */
export function releaseOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The distinct labels of a list, oldest first. */
export function releaseLabels(items: readonly { release: string }[]): string[] {
  return [...new Set(items.map((x) => x.release))].sort(releaseOrder);
}

/**
 * One item per (system, release), the last given winning, in the order of their last appearance
 * (several files of one release — an order file and its tabular — are one release).
 */
export function lastPerRelease<T extends { system: string; release: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of [...items].reverse()) {
    const key = `${item.system} ${item.release}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out.reverse();
}

/** Days between a date of service and a release's effective window (0 inside it). */
function daysOutside(r: { effectiveFrom: string; effectiveTo: string }, dos: string): number {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const d = day(dos);
  return d < day(r.effectiveFrom) ? day(r.effectiveFrom) - d : Math.max(0, d - day(r.effectiveTo));
}

/** The release nearest in time to the date (the later one of two equally near). */
export function nearest<T extends { effectiveFrom: string; effectiveTo: string }>(
  sortedOldestFirst: readonly T[],
  dos: string,
): T | undefined {
  let best: T | undefined;
  for (const r of sortedOldestFirst) if (!best || daysOutside(r, dos) <= daysOutside(best, dos)) best = r;
  return best;
}
