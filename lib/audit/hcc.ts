import type { CodePack } from '../pack/code-pack';

/**
 * CMS-HCC V28 categories of billed diagnoses, for the `check` and `audit` reports: a risk-adjusted
 * plan pays by these categories, so an auditor reads a billed HCC code the note does not support
 * (or a documented one not billed) first.
 */
export interface BilledHcc {
  code: string;
  /** The payment HCC (the lower one when the code maps to two). */
  category: number;
  categories: number[];
  label?: string;
}

/** The diagnoses of `codes` that the loaded mapping gives a category, in the order billed (no duplicates). */
export function hccOfDiagnoses(codes: string[], pack: CodePack): BilledHcc[] {
  const out: BilledHcc[] = [];
  for (const code of new Set(codes)) {
    const h = pack.hccOf(code);
    if (h) out.push({ code, category: h.category, categories: h.categories, ...(h.label ? { label: h.label } : {}) });
  }
  return out;
}

/** "HCC 37: Diabetes with Chronic Complications" (and the second category when a code maps to two). */
export function hccText(h: Pick<BilledHcc, 'category' | 'categories' | 'label'>): string {
  const more = h.categories.filter((c) => c !== h.category);
  return `HCC ${h.category}${h.label ? `: ${h.label}` : ''}${more.length ? ` (also HCC ${more.join(', ')})` : ''}`;
}

/** "E11.22 HCC 37; I50.9 HCC 226": compact, for a CSV cell. */
export function hccCell(list: BilledHcc[]): string {
  return list.map((h) => `${h.code} HCC ${h.categories.join('+')}`).join('; ');
}

/**
 * The mapping's limits in one sentence, or undefined when the pack has none: the payment year and
 * model, and the code years it covers (a code added after them has no category in it).
 */
export function hccMappingNote(pack: CodePack): string | undefined {
  const m = pack.hccMapping;
  if (!m) return undefined;
  return `CMS-HCC ${m.model} categories from the ${m.release} mapping (payment year ${m.paymentYear}; it covers codes of ${m.codeYears || 'the years it states'}; a code added later has no category in it)`;
}
