import { coversDate } from '../../domain/releases';
import type { PackSource } from '../format';
import { nearest } from '../release-resolver';

/**
 * Of several quarterly tables (oldest first, each with its source), the one in force on the date
 * of service, else the loaded one nearest to it — the same choice as release-resolver.ts.
 * Without a date: the newest.
 */
export function pickQuarter<T>(
  sources: PackSource[],
  sourceIds: number[],
  dos: string | undefined,
  items: T[],
): T | undefined {
  if (!dos) return items.at(-1);
  const src = sourceIds.map((id, k) => ({ ...sources[id]!, k }));
  const chosen = src.filter((s) => coversDate(s, dos)).at(-1) ?? nearest(src, dos);
  return chosen ? items[chosen.k] : undefined;
}
