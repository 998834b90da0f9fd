import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { DrugEvent, DrugEventOptions } from './drug-events';
import { guidelineSuggestion } from './guideline-suggestion';
import { isNewborn } from './newborn';
import { EVENT_ROLES, NOT_PREGNANT, PREGNANT, PUERPERIUM, cueHere } from './drug-event-cues';

/** O9A.21- by trimester (9 when not known) or O9A.23 after delivery, when the note says the patient is pregnant (I.C.15.m). */
export function pregnancyCode(
  pack: CodePack,
  doc: NoteDocument,
  release: string,
  opts: DrugEventOptions,
): DrugEvent | undefined {
  if (opts.pregnant === false || isNewborn(doc)) return undefined;
  const said = doc.statements.filter((st) => {
    const text = doc.view.slice(st.start, st.end);
    return (
      st.section.role !== 'family' &&
      !/\bmother\b/i.test(text) &&
      !NOT_PREGNANT.test(text) &&
      cueHere(doc, st, PREGNANT) !== undefined
    );
  });
  const after = doc.statements.find((st) => EVENT_ROLES.has(st.section.role) && cueHere(doc, st, PUERPERIUM));
  if (said.length === 0 && !after && !opts.pregnant) return undefined;
  const st = after ?? said[0] ?? doc.statements[0];
  if (!st) return undefined;
  const code = after ? 'O9A.23' : `O9A.21${trimester(said.map((s) => doc.view.slice(s.start, s.end)).join(' '))}`;
  const cue = cueHere(doc, st, after ? PUERPERIUM : PREGNANT) ?? { start: st.start, end: st.end };
  const suggestion = guidelineSuggestion(pack, code, release, {
    text: doc.text,
    spans: [cue],
    section: st.section.kind,
    matched: doc.text.slice(cue.start, cue.end),
    note: 'poisoning, toxic effect, adverse effect or underdosing in a pregnant patient: the O9A.2- code first, then the T code, then its manifestations (I.C.15.m)',
  });
  return suggestion
    ? { kind: 'pregnancy', sequence: 'first', suggestion, statement: { start: st.start, end: st.end } }
    : undefined;
}

/** Trimesters counted from the first day of the last menstrual period: 1 before 14 weeks, 2 before 28, 3 after (I.C.15.a.3). */
function trimester(text: string): string {
  const named = /\b(first|1st|second|2nd|third|3rd)\s+trimester\b/i.exec(text)?.[1]?.toLowerCase();
  if (named) return /^(first|1st)$/.test(named) ? '1' : /^(second|2nd)$/.test(named) ? '2' : '3';
  const weeks =
    /\b(\d{1,2})(?:[- ]\d\/7)?[- ]?(?:weeks?|wks?)'?(?:\s+\d\s*days?)?\s+(?:pregnant|gestation|of gestation|gestational age|by dates|by ultrasound|IUP|intrauterine)/i.exec(
      text,
    )?.[1];
  if (!weeks) return '9';
  const n = Number(weeks);
  return n < 14 ? '1' : n < 28 ? '2' : '3';
}
