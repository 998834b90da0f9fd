import type { NoteDocument } from '../document/document';
import type { CodePack } from '../pack/code-pack';
import { guidelineSuggestion } from './guideline-suggestion';
import { ageInDays, isNewborn } from './newborn';
import type { Suggestion } from './schema';

/** "born by vaginal delivery", "delivered via cesarean section", "born by NSVD". */
const BORN = /\b(?:born|delivered)\b[^.]{0,40}?\b(vaginal(?:ly)?|n?svd|c-section|cesarean|caesarean|c\/s|section)\b/i;
/** Born elsewhere, or a later stay: not the birth record of this hospital. */
const ELSEWHERE =
  /\b(?:born (?:at home|outside|in the car|en route)|home birth|outborn|transferred (?:to us )?from|readmitted|re-admitted|presented to the emergency)\b/i;

/**
 * The birth episode of a newborn (Guidelines I.C.16.a.2): the record of the stay in which the
 * baby was born carries a code of category Z38 first-listed, by the number of babies and the
 * type of delivery (Z38.00 single liveborn delivered vaginally; Z38.01 by cesarean; twins
 * Z38.30/Z38.31). Only a newborn whose record tells the delivery and states no age of more
 * than a day at the encounter, not born elsewhere or readmitted (Z38 is never on a later stay).
 */
export function birthEpisode(pack: CodePack, doc: NoteDocument, release: string): Suggestion | undefined {
  if (!isNewborn(doc)) return undefined;
  const age = ageInDays(doc);
  if ((age !== undefined && age > 1) || ELSEWHERE.test(doc.view)) return undefined;
  for (const st of doc.statements) {
    if (st.section.role === 'family') continue;
    const text = doc.view.slice(st.start, st.end);
    const m = BORN.exec(text);
    if (!m) continue;
    if (/\b(?:triplet|quadruplet|quintuplet)s?\b/i.test(doc.view)) return undefined;
    const twin = /\btwins?\b/i.test(doc.view);
    const cesarean = !/^(?:vaginal(?:ly)?|n?svd)$/i.test(m[1]!);
    const code = `Z38.${twin ? '3' : '0'}${cesarean ? '1' : '0'}`;
    return guidelineSuggestion(pack, code, release, {
      text: doc.text,
      spans: [{ start: st.start + m.index, end: st.start + m.index + m[0].length }],
      section: st.section.kind,
      matched: m[0],
      note: 'the record of the stay in which the baby was born: liveborn infant by place of birth and type of delivery, first-listed (Guidelines I.C.16.a.2)',
    });
  }
  return undefined;
}
