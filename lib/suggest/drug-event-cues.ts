import type { NoteDocument, Statement } from '../document/document';
import { DRUG_EVENTS, type DrugColumn } from './drug-table';
import { escapeRegExp, phrasePattern } from '../text/regex';

/**
 * The words that say a drug event happened (poisoning, adverse effect, underdosing), its intent and
 * the pregnancy state (data in the drug-events cue list), and how a statement is read for them: the
 * cue must be asserted in its own clause (I.C.19.e: the intent and the event are what the provider documents).
 */
const phrases = phrasePattern;
const C = DRUG_EVENTS.cues;
export const POISONING = phrases(C.poisoning);
export const INGESTION = phrases(C.ingestion_words);
export const SELF_HARM = phrases(C.self_harm);
export const ASSAULT = phrases(C.assault);
export const UNDETERMINED = phrases(C.undetermined);
export const ACCIDENTAL = phrases(C.accidental);
export const ADVERSE = phrases(C.adverse, 'gi');
export const UNDERDOSING = phrases(C.underdosing);
export const PROVIDER = phrases(C.provider_directed);
export const UNCERTAIN = phrases(C.uncertain);
/** Underdosing is itself said with a negation ("has not been taking"; "could not afford it"). */
export const UNCERTAIN_UNDERDOSING = phrases(C.uncertain.filter((w) => !['no', 'not', 'without'].includes(w)));
export const NOT_EVENT_AFTER = new RegExp(`^\\W{0,3}(?:${C.not_event_after.map(escapeRegExp).join('|')})\\b`, 'i');
export const SEQUELA = phrases(C.sequela);
export const PREGNANT = phrases(C.pregnant);
export const NOT_PREGNANT = phrases(C.not_pregnant);
export const PUERPERIUM = phrases(C.puerperium);
export const DRUG_FORM = phrases(C.drug_forms);
/** Where a coder reads what happened at this encounter (not the medication list, the history or the findings). */
export const EVENT_ROLES = new Set(['diagnostic', 'reason', 'narrative']);

/** The first cue of the statement that is asserted: no negation, uncertainty or history before it in its clause, not a topic ("overdose precautions"). */
export function cueHere(
  doc: NoteDocument,
  st: Statement,
  re: RegExp,
  blockers = UNCERTAIN,
): { start: number; end: number } | undefined {
  const text = doc.view.slice(st.start, st.end);
  const global = new RegExp(re.source, 'gi');
  for (let m = global.exec(text); m; m = global.exec(text)) {
    const clauseStart = Math.max(
      0,
      ...[',', ';', ':', ' but ', ' however'].map((c) => {
        const at = text.lastIndexOf(c, m!.index - 1);
        return at < 0 ? 0 : at + c.length;
      }),
    );
    const before = text.slice(clauseStart, m.index);
    if (blockers.test(before) || NOT_EVENT_AFTER.test(text.slice(m.index + m[0].length))) continue;
    return { start: st.start + m.index, end: st.start + m.index + m[0].length };
  }
  return undefined;
}

export function intentOf(text: string): DrugColumn | undefined {
  if (UNDETERMINED.test(text)) return 'undetermined';
  if (SELF_HARM.test(text)) return 'self-harm';
  if (ASSAULT.test(text)) return 'assault';
  if (ACCIDENTAL.test(text)) return 'accidental';
  return undefined;
}
