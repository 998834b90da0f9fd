import { z } from 'zod';
import drugsData from './data/long-term-drugs.json';
import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';
import { guidelineSuggestion } from './guideline-suggestion';
import { escapeRegExp } from '../text/regex';

const DrugsSchema = z.strictObject({
  about: z.string(),
  stop_words: z.array(z.string().min(1)),
  ended_words: z.array(z.string().min(1)),
  classes: z.array(
    z.strictObject({
      code: z.string(),
      drugs: z.array(z.string().min(1)).min(1),
      with: z.array(z.string().min(1)).min(1),
      prophylactic: z.boolean().optional(),
      class_words: z.array(z.string().min(1)).optional(),
      short_courses: z.boolean().optional(),
      scheduled_only: z.boolean().optional(),
    }),
  ),
});
const DRUGS = DrugsSchema.parse(drugsData);
const words = (list: string[]) => new RegExp(`\\b(?:${list.map(escapeRegExp).join('|')})\\b`, 'i');
const STOP = words(DRUGS.stop_words);
const ENDED = words(DRUGS.ended_words);
/** A drug begun at this visit (the plan's words). */
const STARTED =
  /\b(?:start|started|starting|begin|began|begun|initiate|initiated|prescribe|prescribed|give|given|trial of)\b/i;
const CLASSES = DRUGS.classes.map((c) => ({
  ...c,
  re: new RegExp(`\\b(?:${c.drugs.map(escapeRegExp).join('|')})\\b`, 'gi'),
  classRe: c.class_words ? new RegExp(`\\b(?:${c.class_words.map(escapeRegExp).join('|')})\\b`, 'gi') : undefined,
}));
/** Where a current regimen is written: not the allergy list, the family history or the findings. */
const REGIMEN_ROLES = new Set(['medications', 'plan', 'diagnostic', 'narrative', 'history', 'reason']);

/**
 * Z79 status codes for drugs on the current regimen that treat a condition on the claim
 * (data/long-term-drugs.json; Guidelines I.C.21.c.3, I.C.4.a.3). The related condition must be
 * coded, except for the classes the data marks prophylactic (anticoagulants, antiplatelets, aspirin).
 */
export function longTermDrugSuggestions(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
  release: string,
): Suggestion[] {
  const coded = claim.filter((s) => s.system === 'ICD-10-CM').map((s) => s.code);
  const out: Suggestion[] = [];
  for (const c of CLASSES) {
    if (coded.includes(c.code)) continue;
    const related = coded.find((code) => c.with.some((p) => code.startsWith(p)));
    // Type 1 diabetes (E10) is not among the related conditions of Z79.4: its insulin use is implied (I.C.4.a.3).
    if (!related && !c.prophylactic) continue;
    if (c.scheduled_only && afterAnOperation(doc)) continue;
    const spans = drugMentions(doc, c.re, c.classRe, c.short_courses === true).filter(
      (s) => !c.scheduled_only || !asNeeded(doc.text, s.end),
    );
    if (spans.length === 0) continue;
    const names = [...new Set(spans.map((s) => doc.text.slice(s.start, s.end).toLowerCase()))];
    const added = guidelineSuggestion(pack, c.code, release, {
      text: doc.text,
      spans,
      section: spans[0]?.section ?? 'medications',
      matched: names.join(', '),
      note: related
        ? `current ${names.join(', ')} for ${related}: long-term drug therapy status (Guidelines I.C.21.c.3${/^(E0[89]|E1[13]|O24)/.test(related) ? ', I.C.4.a.3' : ''})`
        : `current ${names.join(', ')}: long-term drug therapy, treatment or prophylaxis (Guidelines I.C.21.c.3)`,
    });
    if (added) out.push(added);
  }
  return out;
}

/**
 * Mentions of the class's drugs on the current regimen. A drug the note says anywhere was stopped,
 * held or refused ("aspirin" on the list, "we will discontinue aspirin" in the plan) is not current.
 */
function drugMentions(
  doc: NoteDocument,
  re: RegExp,
  classRe?: RegExp,
  shortCourses = false,
): { start: number; end: number; section: string }[] {
  const out: { start: number; end: number; section: string; role: string; name: string }[] = [];
  const stopped = new Set<string>();
  // "Anticoagulation was stopped": the class ended; a drug of it is current only where a medication list names it.
  let classEnded = false;
  for (const st of doc.statements) {
    const text = doc.view.slice(st.start, st.end);
    if (classRe) {
      classRe.lastIndex = 0;
      for (let m = classRe.exec(text); m && !classEnded; m = classRe.exec(text))
        classEnded = clauseAround(text, m.index, ENDED);
    }
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[0].toLowerCase();
      if (clauseAround(text, m.index, ENDED) || OFF_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)))
        stopped.add(name);
      if (clauseAround(text, m.index, STOP) || PAST_LEAD.test(sentenceBefore(text, m.index))) continue;
      if (givenInHospital(text, m.index, m.index + m[0].length)) continue;
      if (shortCourses && st.section.role === 'plan' && clauseAround(text, m.index, STARTED)) continue;
      if (REGIMEN_ROLES.has(st.section.role))
        out.push({
          start: st.start + m.index,
          end: st.start + m.index + m[0].length,
          section: st.section.kind,
          role: st.section.role,
          name,
        });
    }
  }
  return out
    .filter((m) => !stopped.has(m.name) && (!classEnded || m.role === 'medications'))
    .map(({ start, end, section }) => ({ start, end, section }));
}

/** The dose written after a drug, to the end of its list item: "one to two tablets q.6 hours p.r.n.". */
const AS_NEEDED = /\b(?:p\.?r\.?n\b\.?|as needed|when needed|if needed)/i;
function asNeeded(text: string, end: number): boolean {
  const item = /^[^,;\n]{0,80}/.exec(text.slice(end))![0];
  return AS_NEEDED.test(item);
}

/** The note tells of the recovery from an operation: its diagnoses, plan or present illness say "postoperative". */
const POSTOPERATIVE = /\bpost-?op(?:erative(?:ly)?)?\b|\bpostop\b|\bpod\s*#?\s*\d/i;
const RECOVERY_ROLES = new Set(['diagnostic', 'plan', 'narrative']);
function afterAnOperation(doc: NoteDocument): boolean {
  return doc.statements.some(
    (st) =>
      RECOVERY_ROLES.has(st.section.role) &&
      POSTOPERATIVE.test(doc.view.slice(st.start, st.end)) &&
      !/\bno (?:\w+ )?post-?op/i.test(doc.view.slice(st.start, st.end)),
  );
}

/** "She is off Coumadin", "has been off of his warfarin": the patient no longer takes it ("cannot be taken off Coumadin" still does). */
const OFF_BEFORE =
  /\b(?:is|was|are|were|been|remains|remained|stayed|now|currently|went|came)\s+off(?:\s+of)?(?:\s+(?:his|her|the|their))?\s+$/i;

/**
 * A drug given by vein ("treated well with IV morphine", "IV Solu-Medrol", "an insulin drip", "morphine PCA") is
 * treatment in hospital, not long-term therapy; the words must touch the drug ("on Coumadin for
 * a previous PE and currently on a heparin drip" keeps the Coumadin).
 */
const VEIN_BEFORE = /\b(?:iv|i\.v\.|intravenous(?:ly)?)\s+(?:[a-z-]+\s+|[a-z]+-)?$/i;
const VEIN_AFTER = /^\s*(?:drip|pca|infusion|bolus|iv\b|i\.v\.|intravenous)/i;
function givenInHospital(text: string, start: number, end: number): boolean {
  return VEIN_BEFORE.test(text.slice(Math.max(0, start - 30), start)) || VEIN_AFTER.test(text.slice(end, end + 15));
}

/**
 * A sentence that opens on the past ("In the past she has been on penicillin, azathioprine, …") lists
 * past drugs; "in the past several months" is a recent period, not the past.
 */
const PAST_LEAD =
  /\b(?:in the past(?!\s+(?:\w+\s+)?(?:hours?|days?|weeks?|months?|years?|nights?)\b)|previously|formerly)\b/i;
const sentenceBefore = (text: string, at: number) => text.slice(text.lastIndexOf('.', at - 1) + 1, at);

/** "stopped her Abilify", "metformin was held", "aspirin 500 mg t.i.d., which is currently stopped": the clause around the drug says so. */
function clauseAround(text: string, at: number, re: RegExp): boolean {
  const from = Math.max(0, text.lastIndexOf(',', at - 1) + 1, at - 40);
  const clause = text
    .slice(from, Math.min(text.length, at + 70))
    .split(/[,;]/)
    .slice(0, 2)
    .join(' ');
  return re.test(clause);
}
