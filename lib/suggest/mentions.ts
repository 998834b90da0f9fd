import { inPlaceOfDemoted } from './demoted-place';
import { lessSpecificInCategory } from './category-default';
import type { CodePack } from '../pack/code-pack';
import type { Assertion } from '../text/context';
import type { SectionRole } from '../document/schema';
import type { Suggestion } from './schema';
import { claimDecision } from './claim-policy';
import { integralTo, notRoutine } from './integral-symptoms';
import { jointPainExplainedBy } from './joint-pain';
import { reasonFor } from './visit-reason';
import { symptomLinkedToDiagnosis } from './linked-symptom';

/*
 * From the mentions the statements yield to one suggestion per code: which reach the claim (by the
 * section role, data/claim-policy.json), which are alternatives, which are "considered, not coded".
 */

/**
 * Symptom codes: the signs and symptoms of chapter 18 (R00-R69; not R65 severe sepsis / SIRS,
 * which are coded with their infection, nor the abnormal findings R70-R99), and the joint / limb /
 * back pain codes of chapter 13 that name a symptom.
 */
const isSymptomCode = (code: string) =>
  (/^R[0-6]/.test(code) && !code.startsWith('R65')) || /^(M25\.5|M79\.6|M54\.[59])/.test(code);
const MAX_EVIDENCE = 100;
/** How a drug is given: in a plan sentence these words are the instruction, never a body site. */
const ROUTE = /\b(?:orally|by mouth|topically|intravenously|subcutaneously|intramuscularly|rectally|sublingually)\b/i;
/** Claim tier of a condition only the plan names and treats: after history and status codes. */
const PLAN_TREATED_TIER = 4;

/** A reading of a statement: the code, where and how it is written. */
export interface Mention {
  code: string;
  matched: string;
  via: string;
  score: number;
  assertion: Assertion;
  section: string;
  role: SectionRole;
  /** The statement (index in the document) the mention is written in. */
  statement: number;
  /** Claim order of the statement the mention is written in (diagnostic sections first). */
  order: number;
  spans: { start: number; end: number }[];
  refinedFrom?: string;
  refinedBy?: string[];
  mappedFrom?: string;
  note?: string;
  excludedWhy?: string;
  /** Written in a plan statement that treats it ("Iron deficiency will be treated with oral iron"). */
  treated?: boolean;
  /** The plan gives a drug for it by name ("try Anaprox for the headache"): a symptom treated as such. */
  drugFor?: boolean;
  /** Written with a question mark before it ("? Atrial fibrillation"): the provider doubts the condition itself. */
  questioned?: boolean;
  /** The numbered item of a diagnostic list the mention is written in (section start : item number). */
  item?: string;
  alternative?: boolean;
}

export function aggregateMentions(
  pack: CodePack,
  mentions: Mention[],
  text: string,
  release: string,
): { suggestions: Suggestion[]; alternatives: Suggestion[]; excluded: Suggestion[] } {
  /** One suggestion per code; `rank` orders the list (claim order), best mention first. */
  const group = (list: (Mention & { tier?: number })[], rank: 'claim' | 'score') => {
    const by = new Map<string, (Mention & { tier?: number })[]>();
    for (const m of list) {
      const ms = by.get(m.code);
      if (ms) ms.push(m);
      else by.set(m.code, [m]);
    }
    const out: (Suggestion & { key: number })[] = [];
    for (const [code, ms] of by) {
      const best = ms.reduce((a, b) => (b.score > a.score ? b : a));
      const lead = ms.reduce((a, b) => ((b.tier ?? 9) * 1e6 + b.order < (a.tier ?? 9) * 1e6 + a.order ? b : a));
      const hit = pack.codeInfo(code);
      const spans = mergeSpans(
        ms.flatMap((m) => m.spans),
        text,
      );
      // The first-listed diagnosis is the reason for the encounter (IV.A, IV.G): a diagnostic
      // statement the reason for the visit also names goes first.
      const reason = lead.tier === 0 ? reasonFor(pack, code, ms, list) : undefined;
      out.push({
        key: rank === 'claim' ? (reason ? -1e6 + reason.order : (lead.tier ?? 9) * 1e6 + lead.order) : -best.score,
        code,
        description: hit?.title ?? '',
        system: 'ICD-10-CM',
        release,
        billable: hit?.billable ?? false,
        score: Number((best.score + 0.5 * Math.log(ms.length)).toFixed(4)),
        assertion: lead.assertion,
        section: lead.section,
        // The first MAX_EVIDENCE places in the note (mentions counts them all): a long chart
        // repeating a diagnosis in every visit must not carry thousands of spans to the panel.
        evidence: spans.slice(0, MAX_EVIDENCE).map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
        mentions: ms.length,
        reason: {
          matched: lead.matched,
          via: lead.via,
          ...(lead.refinedFrom ? { refinedFrom: lead.refinedFrom, refinedBy: lead.refinedBy ?? [] } : {}),
          ...(lead.mappedFrom ? { mappedFrom: lead.mappedFrom } : {}),
          ...(lead.note || lead.excludedWhy ? { note: lead.excludedWhy ?? lead.note } : {}),
        },
      });
    }
    return out
      .sort((a, b) => a.key - b.key || a.code.localeCompare(b.code))
      .map(({ key: _key, ...s }) => s as Suggestion);
  };
  const asserted = mentions.filter((m) => !m.excludedWhy && !m.alternative);
  // The claim: what the provider diagnosed and addressed, by the role of the section each
  // mention is written in (data/claim-policy.json); the rest is "considered, not coded".
  const hasDiagnosis = asserted.some((m) => m.role === 'diagnostic');
  const onClaim: (Mention & { tier: number })[] = [];
  const leftOut: Mention[] = [];
  // Signs and symptoms routinely part of a diagnosis written in the same statement ("acute
  // gastroenteritis with diarrhea", "osteoarthritis of the knee with knee pain") are not coded
  // with it (Guidelines I.B.5).
  const definitive = new Map<number, Mention[]>();
  // Chronic or acute pain (G89) is coded with the site's pain code, not in its place (I.C.6.b.1).
  for (const m of asserted.filter((x) => !isSymptomCode(x.code) && !/^G89\.[0-3]/.test(x.code)))
    definitive.set(m.statement, [...(definitive.get(m.statement) ?? []), m]);
  const linkedSymptom = (m: Mention) => {
    const dx = definitive.get(m.statement);
    return (
      dx !== undefined &&
      symptomLinkedToDiagnosis(
        text,
        m.spans,
        dx.map((d) => d.spans),
      )
    );
  };
  // The assessment is the provider's current judgement: a condition it questions or rules out
  // ("5. ? Atrial fibrillation.", "no pneumonia") is not put back on the claim by the history or the
  // course ("PMH: atrial fibrillation"), unless the assessment also states it (IV.H, IV.A).
  const category = (m: Mention) => m.code.slice(0, 3);
  // The item that questions a condition governs what its later sentences say of it ("5. ? Atrial
  // fibrillation. We discussed anticoagulation issues involved with chronic Afib.").
  const questionedIn = new Set(mentions.filter((m) => m.questioned && m.item).map((m) => `${m.item}|${category(m)}`));
  const stated = new Set(
    asserted.filter((m) => m.role === 'diagnostic' && !questionedIn.has(`${m.item}|${category(m)}`)).map(category),
  );
  const doubted = new Set(
    mentions
      .filter((m) => m.role === 'diagnostic' && (m.questioned || m.assertion === 'negated') && !stated.has(category(m)))
      .map(category),
  );
  for (const m of asserted) {
    if (doubted.has(category(m)) && (m.role !== 'diagnostic' || questionedIn.has(`${m.item}|${category(m)}`))) {
      leftOut.push({
        ...m,
        excludedWhy: 'the assessment states it as uncertain or ruled out: not coded from the history (Guidelines IV.H)',
      });
      continue;
    }
    if (isSymptomCode(m.code) && !notRoutine(m.code) && linkedSymptom(m)) {
      leftOut.push({
        ...m,
        excludedWhy: 'a sign or symptom written with a definitive diagnosis in the same statement (Guidelines I.B.5)',
      });
      continue;
    }
    // A condition the plan states and treats ("The patient is anxious, and will be given Ativan")
    // is addressed at the visit (IV.J), after the diagnostic statements; a symptom still is not
    // when a diagnosis is stated (I.B.5).
    if (
      m.role === 'plan' &&
      m.treated &&
      m.assertion === 'present' &&
      !(hasDiagnosis && isSymptomCode(m.code) && !m.drugFor) &&
      !/^[VWXYZ]/.test(m.code) &&
      !m.spans.some((sp) => ROUTE.test(text.slice(sp.start, sp.end)))
    ) {
      onClaim.push({
        ...m,
        tier: PLAN_TREATED_TIER,
        note: 'a condition the plan treats: addressed at this visit (Guidelines IV.J)',
      });
      continue;
    }
    const d = claimDecision(m.role, m.code, hasDiagnosis, m.section);
    if ('tier' in d) onClaim.push({ ...m, tier: d.tier });
    else leftOut.push({ ...m, excludedWhy: d.why });
  }
  const keptCodes = new Set([...onClaim, ...leftOut].map((m) => m.code));
  const alternatives = mentions.filter((m) => !m.excludedWhy && m.alternative && !keptCodes.has(m.code));
  const altCodes = new Set(alternatives.map((m) => m.code));
  const grouped = group(onClaim, 'claim');
  const demoted = lessSpecificInCategory(grouped);
  // Signs and symptoms integral to a diagnosis are not coded with it (Guidelines I.B.5): an
  // R-code that shares words of the note with a definitive diagnosis ("pain" in
  // "low back pain") is that diagnosis's words, not a separate finding.
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  const sameWords = grouped.filter(
    (s) =>
      s.code.startsWith('R') &&
      !s.code.startsWith('R65') &&
      grouped.some(
        (o) =>
          !o.code.startsWith('R') &&
          o.system === 'ICD-10-CM' &&
          s.evidence.some((e) => o.evidence.some((x) => overlaps(e, x))),
      ),
  );
  // …and the symptoms routinely part of a diagnosis the provider established in the assessment or
  // as the reason for the visit (in a note without an assessment, in the story the claim is read
  // from), wherever they are written (data/integral-symptoms.json).
  const establishing = new Set(hasDiagnosis ? ['diagnostic', 'reason'] : ['diagnostic', 'reason', 'narrative']);
  const established = [
    ...new Set(onClaim.filter((m) => establishing.has(m.role) && m.assertion === 'present').map((m) => m.code)),
  ];
  const diagnosed = new Set(
    onClaim
      .filter((m) => (m.role === 'diagnostic' || m.role === 'reason') && m.assertion === 'present')
      .map((m) => m.code),
  );
  const partOf = new Map(
    grouped
      .map((s) => [s.code, integralTo(s.code, established) ?? jointPainExplainedBy(pack, s.code, established)] as const)
      .filter((e): e is [string, string] => e[1] !== undefined),
  );
  // A symptom code whose Excludes1 note names a diagnosis on the claim (R52 "pain" excludes joint
  // pain M25.5-; R56 "convulsions" excludes epilepsy G40.-) is that diagnosis's symptom (I.A.12.a).
  for (const s of grouped) {
    if (!isSymptomCode(s.code) || partOf.has(s.code)) continue;
    // Only a diagnosis (not another symptom), and only a note naming one category: a range over
    // categories with a qualifier ("F11-F19 with fifth to sixth characters 51") is too coarse here.
    // The reason for the visit stays unless the provider established the other condition: a
    // history item the Excludes1 note names ("postural hypotensions, managed by Dr. X") does not
    // explain the syncope the patient was sent for (IV.D, IV.G).
    const isReason = onClaim.some((m) => m.code === s.code && m.role === 'reason' && m.assertion === 'present');
    const by = grouped.find(
      (o) =>
        o !== s &&
        !o.code.startsWith('R') &&
        (!isReason || diagnosed.has(o.code)) &&
        pack
          .excludes1Between(s.code, o.code)
          .some((e) => s.code.startsWith(e.from) && e.targets.some(([a, b]) => a.slice(0, 3) === b.slice(0, 3))),
    );
    if (by) partOf.set(s.code, `its Excludes1 note names ${by.code}, which is on the claim (Guidelines I.A.12.a)`);
  }
  const integral = [...sameWords, ...grouped.filter((s) => partOf.has(s.code) && !sameWords.includes(s))];
  const demotedCodes = new Set([...demoted, ...integral].map((s) => s.code));
  const shownCodes = new Set(grouped.filter((s) => !demotedCodes.has(s.code)).map((s) => s.code));
  return {
    suggestions: inPlaceOfDemoted(grouped, demoted, text).filter((s) => !demotedCodes.has(s.code)),
    alternatives: [
      ...demoted.map((s) => ({
        ...s,
        reason: { ...s.reason, note: 'a more specific code of the same category is suggested (Guidelines I.B.2)' },
      })),
      ...integral
        .filter((s) => !demoted.includes(s))
        .map((s) => ({
          ...s,
          reason: {
            ...s.reason,
            note:
              partOf.get(s.code) ??
              'a symptom that is part of a diagnosis suggested from the same words (Guidelines I.B.5)',
          },
        })),
      ...group(alternatives, 'score'),
    ],
    // Considered, not coded: negated, uncertain, hypothetical, or written where a coder does not
    // take diagnoses from; a code asserted on the claim elsewhere is not listed here.
    excluded: group(
      [...mentions.filter((m) => m.excludedWhy && !m.alternative), ...leftOut].filter(
        (m) => !shownCodes.has(m.code) && !altCodes.has(m.code),
      ),
      'score',
    ),
  };
}

export function mergeSpans(spans: { start: number; end: number }[], text: string): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    // Join words separated only by spaces/punctuation into one highlighted span.
    if (last && s.start <= last.end + 3 && /^[\s,;:/()-]*$/.test(text.slice(last.end, s.start)))
      last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
