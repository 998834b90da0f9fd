import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';

/** Hematemesis, melena (and hematochezia), gastrointestinal hemorrhage unspecified. */
const BLEEDING_SIGN = /^K92\.[012]$/;
/** Peptic ulcers (K25-K28): the Tabular names their bleeding codes by kind, not by "with bleeding". */
const ULCER_WITH_HEMORRHAGE: Record<string, string> = { '3': '0', '7': '4', '9': '4' };

const WHY =
  'a digestive lesion and the bleeding the note names are one code "with bleeding" (Index: with bleeding, hemorrhage; Guidelines I.A.15); the bleeding sign is part of it (I.B.5)';

/** The lesion's own code with bleeding: its sibling whose title says "with bleeding" where its own says "without". */
function withBleeding(pack: CodePack, code: string): string | undefined {
  const ulcer = /^(K2[5-8])\.([379])$/.exec(code);
  if (ulcer) return `${ulcer[1]}.${ULCER_WITH_HEMORRHAGE[ulcer[2]!]}`;
  const title = pack.titleOf(code);
  const m = /\bwithout (bleeding|hemorrhage)$/i.exec(title);
  if (!m) return undefined;
  const wanted = `${title.slice(0, m.index)}with ${m[1]}`.toLowerCase();
  const parent = code.length > 5 ? code.slice(0, -1) : code.slice(0, 3);
  const sibling = pack.codeInfo(parent)?.children.find((c) => c.title.toLowerCase() === wanted);
  return sibling && pack.codeInfo(sibling.code)?.billable ? sibling.code : undefined;
}

/**
 * "Melena secondary to ulcerative esophagitis", "Diverticulosis with hematochezia": with one
 * digestive lesion on the claim whose category has a "with bleeding" code, a bleeding sign the note
 * states makes that code (K22.10 + K92.1 -> K22.11) and the sign goes. Two candidate lesions: the
 * note does not say which bled, and nothing changes (never more specific than written).
 */
export function bleedingLesion(pack: CodePack, claim: Suggestion[]): { claim: Suggestion[]; replaced: Suggestion[] } {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  const signs = icd.filter((s) => BLEEDING_SIGN.test(s.code) && s.assertion === 'present');
  if (signs.length === 0) return { claim, replaced: [] };
  const lesions = icd
    .map((s) => ({ s, code: withBleeding(pack, s.code) }))
    .filter((l): l is { s: Suggestion; code: string } => l.code !== undefined);
  if (lesions.length !== 1) return { claim, replaced: [] };
  const { s: lesion, code } = lesions[0]!;
  const combined: Suggestion = {
    ...lesion,
    code,
    description: pack.titleOf(code),
    evidence: [...lesion.evidence, ...signs.flatMap((s) => s.evidence)].sort((a, b) => a.start - b.start),
    reason: { matched: lesion.reason.matched, via: 'guideline', refinedFrom: lesion.code, note: WHY },
  };
  const at = Math.min(...[lesion, ...signs].map((s) => claim.indexOf(s)));
  const rest = claim.filter((s) => s !== lesion && !signs.includes(s));
  rest.splice(Math.min(at, rest.length), 0, combined);
  const replaced = [lesion, ...signs].map((s) => ({ ...s, reason: { ...s.reason, note: `part of ${code}: ${WHY}` } }));
  return { claim: rest, replaced };
}
