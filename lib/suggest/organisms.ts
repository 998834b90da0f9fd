import { z } from 'zod';
import organismsData from './data/organisms.json';
import type { CodePack, IcdLookup } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';
import { guidelineSuggestion } from './guideline-suggestion';

const OrganismsSchema = z.strictObject({
  about: z.string(),
  organisms: z.array(z.strictObject({ pattern: z.string().min(1), code: z.string().min(3) })),
  negations: z.array(z.string().min(1)),
});
const DATA = OrganismsSchema.parse(organismsData);
const ORGANISMS = DATA.organisms.map((o) => ({ code: o.code, re: new RegExp(`\\b(?:${o.pattern})\\b`, 'i') }));
const NEGATION = new RegExp(
  `\\b(?:${DATA.negations.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`,
  'i',
);
/** Where the provider states the cause of an infection; a culture result alone is not a link. */
const STATED_IN = new Set(['diagnostic', 'reason', 'narrative']);
const ASKS_FOR_ORGANISM = /\bB95\b|\bB96\b|B95-B97|infectious agent|organism/i;

/**
 * Organism codes (B95-B96) for an infection on the claim whose Tabular entry asks for the
 * infectious agent (data/organisms.json; Guidelines I.C.1.a, I.A.13 use additional code).
 */
export function organismSuggestions(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
  release: string,
): Suggestion[] {
  const host = claim.find((s) => s.system === 'ICD-10-CM' && asksForOrganism(pack, s.code));
  if (!host) return [];
  const out: Suggestion[] = [];
  for (const st of doc.statements) {
    if (!STATED_IN.has(st.section.role)) continue;
    const text = doc.view.slice(st.start, st.end);
    for (const o of ORGANISMS) {
      const m = o.re.exec(text);
      if (!m || NEGATION.test(text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 20))) continue;
      if (claim.some((s) => s.code === o.code) || out.some((s) => s.code === o.code)) break;
      const added = guidelineSuggestion(pack, o.code, release, {
        text: doc.text,
        spans: [{ start: st.start + m.index, end: st.start + m.index + m[0].length }],
        section: st.section.kind,
        matched: m[0],
        note: `infectious agent of ${host.code} (Tabular: use additional code B95-B97; Guidelines I.C.1.a)`,
      });
      if (!added) break;
      out.push(added);
      break;
    }
  }
  return out;
}

const ASKS = new WeakMap<CodePack, Map<string, boolean>>();
function asksForOrganism(pack: CodePack, code: string): boolean {
  let cache = ASKS.get(pack);
  if (!cache) ASKS.set(pack, (cache = new Map()));
  let asks = cache.get(code);
  if (asks === undefined) {
    const hit = pack.lookup(code) as IcdLookup | undefined;
    asks = Boolean(hit?.notes?.some((n) => n.kind === 'useAdditionalCode' && ASKS_FOR_ORGANISM.test(n.text)));
    cache.set(code, asks);
  }
  return asks;
}
