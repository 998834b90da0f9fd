import type { CodeRef } from './icd10cm';
import type { IcdTable } from './code-table';

export interface IcdDateStatus {
  code: string;
  /** The ICD-10-CM release answering for the date of service. */
  release: string;
  inRelease: boolean;
  billable: boolean;
  /** Billable in `previous` but not in `release`: deleted, or subdivided into a header (`nowHeader`). */
  deleted?: { previous: string; nowHeader: boolean; replacements: CodeRef[] };
  /** Not in `release` nor before it: the first later loaded release that has it. */
  addedLater?: string;
}

/**
 * How code i stands in the release `label` (the one in force on a date of service): deleted there
 * as a billable code (with its replacements from the codes that release added, as its addenda list
 * them), not yet in it (added later), or valid.
 */
export function statusIn(table: IcdTable, i: number, label: string): IcdDateStatus {
  const r = table.releaseIndex(label);
  const code = table.codes[i]!;
  const status: IcdDateStatus = {
    code,
    release: label,
    inRelease: table.isIn(i, r),
    billable: table.isBillableIn(i, r),
  };
  let previous = -1;
  for (let k = r - 1; k >= 0; k--) {
    if (table.isIn(i, k)) {
      previous = k;
      break;
    }
  }
  if (previous >= 0 && table.isBillableIn(i, previous) && !table.isBillableIn(i, r)) {
    const replacements = replacementsOf(table, i, previous, r).map((k) => ({
      code: table.codes[k]!,
      title: table.title(k, r),
      billable: true,
    }));
    status.deleted = { previous: table.releases[previous]!, nowHeader: table.isIn(i, r), replacements };
  } else if (!table.isIn(i, r) && previous < 0) {
    const later = table.releases.findIndex((_, k) => k > r && table.isIn(i, k));
    if (later >= 0) status.addedLater = table.releases[later]!;
  }
  return status;
}

/**
 * Codes of release r that replace code i of release `previous`: its billable descendants when
 * it became a header; else the codes added in r with its exact title; else those added under
 * its nearest surviving ancestor whose titles share most of its words.
 */
function replacementsOf(table: IcdTable, i: number, previous: number, r: number): number[] {
  if (table.isIn(i, r)) {
    const out: number[] = [];
    const walk = (k: number) => {
      for (const c of table.childrenOf(k)) {
        if (!table.isIn(c, r)) continue;
        if (table.isBillableIn(c, r)) out.push(c);
        else walk(c);
      }
    };
    walk(i);
    return out;
  }
  const codes = table.codes;
  const category = codes[i]!.slice(0, 3);
  const added: number[] = [];
  for (let k = 0; k < codes.length; k++) {
    if (codes[k]!.startsWith(category) && table.isIn(k, r) && !table.isIn(k, previous) && table.isBillableIn(k, r))
      added.push(k);
  }
  const title = table.title(i, previous).toLowerCase();
  const exact = added.filter((k) => table.title(k, r).toLowerCase() === title);
  if (exact.length) return exact;
  let ancestor = table.parentOf(i);
  while (ancestor >= 0 && !table.isIn(ancestor, r)) ancestor = table.parentOf(ancestor);
  const under = ancestor >= 0 ? added.filter((k) => codes[k]!.startsWith(codes[ancestor]!)) : [];
  const words = (t: string) => new Set(t.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  const mine = words(title);
  const score = (k: number) => {
    const theirs = words(table.title(k, r));
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    return shared / (mine.size + theirs.size - shared || 1);
  };
  const scored = under.map((k) => [k, score(k)] as const).filter(([, v]) => v >= 0.5);
  const best = Math.max(0, ...scored.map(([, v]) => v));
  return scored
    .filter(([, v]) => v === best)
    .map(([k]) => k)
    .slice(0, 6);
}
