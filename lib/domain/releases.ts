import { coversDate } from '../codesets/release';

/**
 * Release labels and effective dates, written once for every code system: how labels order, whether
 * a release covers a date of service, and one entry per release label.
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
