import type { CodePack, TermSource } from '../pack/code-pack';
import type { Suggestion } from './schema';
import { instructionNotes, sameWords } from './tabular-refs';

/**
 * "Diabetes, with, osteomyelitis E11.69": the Alphabetic Index's "with" subterms link two
 * conditions, and the Guidelines presume the link even when the provider writes them apart
 * (I.A.15) unless the note says they are unrelated. A link: the main term's own code (E11.9) and
 * the code of the linked condition read as an Index main term of its own (Osteomyelitis M86.9)
 * together become the "with" code (E11.69); the linked condition keeps its code (its "use
 * additional code" note asks for it).
 */
export interface IndexLink {
  /** The main term's default code, as it stands on the claim ("E11.9"). */
  main: string;
  /** Prefix of the linked condition's codes ("M86" for Osteomyelitis M86.9; "K31.84" for Gastroparesis). */
  partner: string;
  target: string;
  /** The Index path, for the reason shown to the coder. */
  path: string;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const firstForm = (s: string) => norm(s).split(',')[0]!.trim();
const category = (code: string) => code.slice(0, 3);
/**
 * An unspecified default (".9") stands for its whole category when the category is that condition
 * (Osteomyelitis M86.9 -> any M86 code; Gangrene I96); a default in a catch-all category
 * (Nephropathy N28.9, "Other disorders of kidney and ureter"; Cataract H26.9, "Other cataract") only for itself.
 */
function partnerOf(code: string, condition: string, titles: Map<string, string>): string {
  if (!/\.9$/.test(code)) return code;
  const stem = condition.split(' ').at(-1)!.slice(0, 6);
  const title = (titles.get(category(code)) ?? '').toLowerCase();
  // The category is the condition: its title starts with it and gathers nothing else ("Myasthenia gravis and other myoneural disorders" does).
  return title.startsWith(stem) && !/\band other\b/.test(title) ? category(code) : code;
}

export function buildIndexLinks(sources: TermSource[]): IndexLink[] {
  const index = sources.filter((s) => s.kind === 'index' && s.levels && s.levels.length > 0 && !s.via);
  const titles = new Map(sources.filter((s) => s.kind === 'title' && s.code.length === 3).map((s) => [s.code, s.text]));
  // Codes of main terms ("osteomyelitis") and of main term + one subterm ("ulcer|foot").
  const own = new Map<string, string>();
  for (const s of index) {
    const l = s.levels!;
    if (l.length === 1) own.set(firstForm(l[0]!), s.code);
    else if (l.length === 2) own.set(`${firstForm(l[0]!)}|${norm(l[1]!)}`, s.code);
  }
  const pathCode = new Map<string, string>();
  for (const s of index) pathCode.set(s.levels!.map(norm).join('|'), s.code);
  const links: IndexLink[] = [];
  const seen = new Set<string>();
  for (const s of index) {
    const l = s.levels!;
    if (l.length < 3 || norm(l[l.length - 2]!) !== 'with') continue;
    const main = pathCode.get(l.slice(0, -2).map(norm).join('|'));
    const x = norm(l[l.length - 1]!);
    if (!main || /\b(nec|nos|specified|complication|complications)\b/.test(x)) continue;
    const words = x.split(' ');
    const partnerCode = own.get(x) ?? (words.length === 2 ? own.get(`${words[1]}|${words[0]}`) : undefined);
    if (
      !partnerCode ||
      s.code === main ||
      category(partnerCode) === category(main) ||
      category(s.code) !== category(main)
    )
      continue;
    const key = `${main}|${partnerCode}|${s.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ main, partner: partnerOf(partnerCode, x, titles), target: s.code, path: l.join(', ') });
  }
  return links;
}

/**
 * Applies the links to the claim: the main code gives way to the combination (placed where it
 * stood); a second link of the same main code adds its combination after the first.
 */
/**
 * Diabetes takes as many codes of its category as it has complications (Guidelines I.C.4.a): a
 * diabetes read "poorly controlled" (E11.65) still links to the gastroparesis of the note (E11.43).
 */
const MANY_PER_CATEGORY = /^E(08|09|10|11|13)\./;

export function applyIndexLinks(
  pack: CodePack,
  claim: Suggestion[],
  links: IndexLink[],
  setAside: Suggestion[] = [],
): { claim: Suggestion[]; replaced: Suggestion[] } {
  if (links.length === 0) return { claim, replaced: [] };
  const list = [...claim];
  const replaced: Suggestion[] = [];
  const absorbed = new Map<Suggestion, string>();
  // A diagnostic statement's symptom set aside as part of a diagnosis on the claim ("Hypoxemia"
  // beside "Acute respiratory failure": R09.02's Excludes1 names J96.0-) still completes that
  // diagnosis's "with" combination (J96.01), written as its own words.
  const asides = setAside.filter(
    (s) =>
      s.system === 'ICD-10-CM' &&
      s.assertion === 'present' &&
      s.section === 'diagnostic' &&
      /^its Excludes1 note names|^a symptom that is part of/.test(s.reason.note ?? ''),
  );
  for (const link of links) {
    const icd = list.filter((s) => s.system === 'ICD-10-CM');
    const main0 = icd.find((s) => s.code === link.main);
    const partner =
      icd.find((s) => s.code.startsWith(link.partner)) ??
      (main0 ? asides.find((s) => s.code.startsWith(link.partner) && !sameWords(s, main0)) : undefined);
    if (!partner || icd.some((s) => s.code === link.target)) continue;
    const info = pack.codeInfo(link.target);
    if (!info?.billable) continue;
    const main = icd.find((s) => s.code === link.main);
    // Already combined with another "with" condition (E11.22): the new combination is added.
    const anchor =
      main ??
      icd.find(
        (s) =>
          s.code.startsWith(category(link.main)) &&
          (s.reason.refinedFrom === link.main || MANY_PER_CATEGORY.test(s.code)),
      );
    if (!anchor) continue;
    const note = `${link.path} (Index "with": the link is presumed, Guidelines I.A.15)`;
    const combined: Suggestion = {
      ...anchor,
      code: link.target,
      description: info.title,
      evidence: [...anchor.evidence, ...partner.evidence].sort((a, b) => a.start - b.start),
      reason: { matched: anchor.reason.matched, via: 'guideline', refinedFrom: link.main, note },
    };
    if (main) {
      list.splice(list.indexOf(main), 1, combined);
      replaced.push({ ...main, reason: { ...main.reason, note: `combined into ${link.target}: ${note}` } });
    } else list.splice(list.indexOf(anchor) + 1, 0, combined);
    // The combination names the linked condition and the Tabular excludes coding both
    // (K81 Cholecystitis, Excludes1: cholecystitis with cholelithiasis K80.-): the partner goes.
    if (list.includes(partner) && pack.excludes1Between(partner.code, link.target).length > 0) {
      const p = list.indexOf(partner);
      const c = list.indexOf(combined);
      // The combination takes the partner's place when that came first (the reason for the visit).
      if (p < c) {
        list.splice(c, 1);
        list.splice(p, 1, combined);
      } else list.splice(p, 1);
      replaced.push({ ...partner, reason: { ...partner.reason, note: `part of ${link.target} (Excludes1): ${note}` } });
    } else if (
      list.includes(partner) &&
      namesCondition(info.title, link.path) &&
      !keepsOwnCode(pack, link.target, partner.code)
    )
      // Taken out after every link has been read: the partner may complete another link too
      // (Neuropathy with diabetes E11.40 and polyneuropathy E11.42).
      absorbed.set(partner, `${link.target}: ${note}`);
  }
  for (const [partner, by] of absorbed) {
    if (!list.includes(partner)) continue;
    list.splice(list.indexOf(partner), 1);
    replaced.push({
      ...partner,
      reason: {
        ...partner.reason,
        note: `part of ${by} — a combination code that names both conditions is reported alone when its Tabular asks for no code of this one (Guidelines I.B.9)`,
      },
    });
  }
  return { claim: list, replaced };
}

/**
 * Whether the combination's title names the linked condition ("Type 2 diabetes mellitus with
 * diabetic polyneuropathy" for "Diabetes, with, polyneuropathy"), each word by its first letters
 * ("psychotic" for "psychosis"); "Other specified chronic obstructive pulmonary disease" does not
 * name the asthma of "with asthma".
 */
function namesCondition(title: string, path: string): boolean {
  const t = norm(title);
  const words = norm(path.split(',').at(-1)!)
    .split(/[^a-z]+/)
    .filter((w) => w.length > 3);
  return words.length > 0 && words.every((w) => t.includes(w.slice(0, 6)));
}

/**
 * Whether the linked condition keeps its own code beside the combination: the combination's
 * Tabular asks for it ("use additional code to identify stage of chronic kidney disease" at
 * E11.22, "code to identify complication" at E11.69, a "code also" note), or the condition's own
 * note asks for the underlying disease first (gastroparesis K31.84). Otherwise the combination names it whole
 * (E11.42 is the diabetic polyneuropathy: no G62.9 beside it, I.B.9).
 */
function keepsOwnCode(pack: CodePack, target: string, partner: string): boolean {
  const asked = instructionNotes(pack, target, ['useAdditionalCode', 'codeAlso']);
  if (
    asked.some((n) =>
      n.codes.length === 0
        ? /\b(?:complications?|manifestations?)\b/i.test(n.text)
        : n.codes.some((c) => category(c) === category(partner)),
    )
  )
    return true;
  return instructionNotes(pack, partner, ['codeFirst']).some((n) =>
    n.codes.some((c) => category(c) === category(target)),
  );
}
