import { z } from 'zod';
import combinationsData from './data/combinations.json';
import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';
import { sameWords } from './tabular-refs';

const CombinationsSchema = z.strictObject({
  about: z.string(),
  rules: z.array(
    z.strictObject({
      all: z.array(z.string().min(1)).min(2),
      replace: z.array(z.string().min(1)).min(1),
      with: z.array(z.strictObject({ if_any: z.array(z.string().min(1)).min(1), code: z.string().min(3) })),
      default: z.string(),
      drop: z.array(z.string().min(1)),
      add: z.boolean(),
      on_claim: z.boolean().optional(),
      restore: z.array(z.string().min(1)).optional(),
      why: z.string().min(1),
    }),
  ),
  sequence_first: z.strictObject({ prefixes: z.array(z.string().min(1)), why: z.string().min(1) }),
});
const DATA = CombinationsSchema.parse(combinationsData);
const RULES = DATA.rules;

/**
 * Presumed links across the claim's statements (data/combinations.json; Guidelines I.A.15,
 * I.C.9.a): "Hypertension." and "CKD stage 3a." written as two problems are still I12.9 + N18.31.
 * Returns the claim with the combined codes and the codes they replaced (shown as alternatives).
 */
export function applyCombinations(
  pack: CodePack,
  claim: Suggestion[],
  support: Suggestion[] = [],
  findings: Suggestion[] = [],
  covered: Suggestion[] = [],
): { claim: Suggestion[]; replaced: Suggestion[] } {
  let list = [...claim];
  const replaced: Suggestion[] = [];
  for (const r of RULES) {
    const icd = list.filter((s) => s.system === 'ICD-10-CM');
    // A finding the combination absorbs may be written in the history or course only ("found to
    // have hyperglycemia, started on insulin" under a listed "Diabetes mellitus"): it is the
    // specificity of the listed diagnosis, not a diagnosis of its own (Guidelines I.A.15, IV.A).
    const code = r.with.find((w) => w.if_any.some((p) => icd.some((s) => s.code.startsWith(p))))?.code ?? r.default;
    // A reading the combination's own Index term covered counts only where that combination is on the claim.
    const onClaim = icd.some((s) => s.code === code);
    const has = (p: string) =>
      icd.some((s) => s.code.startsWith(p)) ||
      (!r.on_claim && r.drop.includes(p) && support.some((s) => s.code.startsWith(p))) ||
      restorable(r.restore, p, findings).length > 0 ||
      (onClaim && r.add && restorable(r.restore, p, covered).length > 0);
    if (!r.all.every(has) || !r.all.some((p) => icd.some((s) => s.code.startsWith(p)))) continue;
    // The linked findings the combination's own "use additional code" note asks for: read anywhere
    // in the note (the history, or the diagnosis's own statement where I.B.5 set them aside), they
    // come back onto the claim after the combination (BPH "with urinary dribbling and weak stream").
    const restored = (r.restore ?? [])
      .flatMap((p) => restorable(r.restore, p, findings))
      .filter((f) => !icd.some((s) => s.code === f.code));
    // The combination is already on the claim: the less specific codes it replaces go.
    const have = icd.find((s) => s.code === code);
    // The combination read as one Index term ("COPD exacerbation and acute bronchitis" is J44.0 by
    // "Bronchitis, acute, with COPD"): the linked finding its note asks for, which that term's reading
    // covered (the same words), comes back beside it.
    const under =
      have && r.add
        ? (r.restore ?? [])
            .flatMap((p) => restorable(r.restore, p, covered))
            .filter((a) => !icd.some((s) => s.code.slice(0, 3) === a.code.slice(0, 3)) && sameWords(a, have))
        : [];
    if (have && under.length > 0) {
      list.splice(list.indexOf(have) + 1, 0, ...askedFor(under, `${code}'s code-also note: ${r.why}`));
      continue;
    }
    if (have && !r.add) {
      const dup = icd.filter((s) => s !== have && r.replace.some((p) => s.code.startsWith(p)));
      replaced.push(...dup.map((s) => ({ ...s, reason: { ...s.reason, note: `combined into ${code}: ${r.why}` } })));
      list = list.filter((s) => !dup.includes(s));
      continue;
    }
    let target = icd.find((s) => r.replace.some((p) => s.code.startsWith(p)));
    if (!target && r.add && code && !icd.some((s) => s.code === code)) {
      // Nothing to replace (J44.1 stays beside J44.0): the combination is added after the first linked code.
      target = icd.find((s) => s.code.startsWith(r.all[0]!));
      if (!target) continue;
      const info = pack.codeInfo(code);
      if (!info?.billable) continue;
      list.splice(list.indexOf(target) + 1, 0, {
        ...target,
        code,
        description: info.title,
        reason: { matched: target.reason.matched, via: 'guideline', refinedFrom: target.code, note: r.why },
      });
      // The finding the added combination names goes (I73.9 beside E11.51).
      const named = list.filter((s) => s.system === 'ICD-10-CM' && r.drop.some((p) => s.code.startsWith(p)));
      replaced.push(...named.map((s) => ({ ...s, reason: { ...s.reason, note: `part of ${code}: ${r.why}` } })));
      list = list.filter((s) => !named.includes(s));
      continue;
    }
    if (!target) continue;
    if (code === target.code) continue;
    // An empty result drops the replaced code (a less specific duplicate of a code on the claim).
    if (code === '') {
      list = list.filter((s) => s !== target);
      replaced.push({ ...target, reason: { ...target.reason, note: r.why } });
      continue;
    }
    const info = pack.codeInfo(code);
    if (!info?.billable) continue;
    const linked = icd.filter((s) => r.all.some((p) => s.code.startsWith(p)));
    const at = Math.min(...linked.map((s) => list.indexOf(s)));
    const absorbedSupport = support.filter(
      (s) => r.drop.some((p) => s.code.startsWith(p)) && !linked.some((l) => l.code === s.code),
    );
    const existing = list.find((s) => s.code === code);
    const combined: Suggestion = {
      ...target,
      code,
      description: info.title,
      evidence: mergeEvidence([...linked, ...absorbedSupport].flatMap((s) => s.evidence)),
      reason: { matched: target.reason.matched, via: 'guideline', refinedFrom: target.code, note: r.why },
    };
    // Other codes the combination replaces (I10 beside an I12.9 turned I12.0) and the findings it names go too.
    const absorbed = list.filter(
      (s) =>
        s !== target &&
        s.system === 'ICD-10-CM' &&
        (r.drop.some((p) => s.code.startsWith(p)) || (!r.add && r.replace.some((p) => s.code.startsWith(p)))),
    );
    replaced.push(...absorbed.map((s) => ({ ...s, reason: { ...s.reason, note: `part of ${code}: ${r.why}` } })));
    list = list.filter((s) => s !== target && s !== existing && !absorbed.includes(s));
    list.splice(
      Math.min(at, list.length),
      0,
      combined,
      ...askedFor(restored, `${code}'s use-additional-code note: ${r.why}`),
    );
    replaced.push({ ...target, reason: { ...target.reason, note: `combined into ${code}: ${r.why}` } });
  }
  const first = list.filter(
    (s) => s.system === 'ICD-10-CM' && DATA.sequence_first.prefixes.some((p) => s.code.startsWith(p)),
  );
  if (first.length > 0)
    list = [
      ...first.map((s) => ({ ...s, reason: { ...s.reason, note: s.reason.note ?? DATA.sequence_first.why } })),
      ...list.filter((s) => !first.includes(s)),
    ];
  return { claim: list, replaced };
}

/** Findings brought back onto the claim, once per code, with the note that asks for them. */
function askedFor(found: Suggestion[], note: string): Suggestion[] {
  return found
    .filter((f, i) => found.findIndex((g) => g.code === f.code) === i)
    .map((f) => ({ ...f, reason: { ...f.reason, note: `asked for by ${note}` } }));
}

/** The present findings of `prefix` a rule may take from anywhere in the note (its `restore` list). */
function restorable(restore: string[] | undefined, prefix: string, findings: Suggestion[]): Suggestion[] {
  if (!restore?.includes(prefix)) return [];
  return findings.filter((f) => f.system === 'ICD-10-CM' && f.assertion === 'present' && f.code.startsWith(prefix));
}

function mergeEvidence(list: Suggestion['evidence']): Suggestion['evidence'] {
  const seen = new Set<string>();
  return [...list]
    .sort((a, b) => a.start - b.start)
    .filter((e) => {
      const k = `${e.start}:${e.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}
