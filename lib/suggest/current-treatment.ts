import type { Statement } from '../document/document';
import type { ContextScopes } from '../text/context';

/** Present-tense treatment of the condition: "He is now receiving Lupron", "currently on chemotherapy". */
const TREATED_NOW =
  /\b(now|currently|presently|still) (on|receiving|undergoing|getting|being treated|in treatment)\b|\b(is|are) (receiving|undergoing) (chemo\w*|radiation|radiotherapy|hormon\w*|treatment|therapy)\b|\b(is|are) on (chemo\w*|hormon\w*|radiation|radiotherapy|active treatment)\b/i;

/** A malignancy (C00-C96) or carcinoma in situ (D00-D09) code. */
export const isMalignancy = (code: string): boolean => /^(C|D0)/.test(code);

/** The list item a statement of a history section belongs to: from the statement to the next "N." item or the section's end. */
function itemText(text: string, st: Statement): string {
  const rest = text.slice(st.start, st.section.end);
  const next = /[,\s]\d{1,2}\.\s+[A-Za-z]/.exec(rest.slice(st.end - st.start));
  return next ? rest.slice(0, st.end - st.start + next.index) : rest;
}

/**
 * A cancer in the past history whose own item says it is being treated now ("Prostate cancer
 * diagnosed in December 2004 … He is now receiving Lupron") is a current malignancy, not a
 * personal history of one (Guidelines I.C.2.d: the history code is for a malignancy excised or
 * eradicated, with no further treatment directed to the site).
 */
export function treatedNow(code: string, text: string, st: Statement): boolean {
  return isMalignancy(code) && TREATED_NOW.test(itemText(text, st));
}

/**
 * "Breast cancer in 2008, currently on chemotherapy": a mention past only by the year written
 * after it (ConText "in #year") whose item says it is treated now is current: the year dates the
 * diagnosis (I.C.2.d).
 */
export function datedButTreatedNow(
  scopes: ContextScopes,
  sources: number[],
  code: string,
  text: string,
  st: Statement,
): boolean {
  const dated = sources.every(
    (i) => scopes.assertionOf(i) !== 'historical' || scopes.triggerFor(i)?.rule.literal === 'in #year',
  );
  return dated && treatedNow(code, text, st);
}

/** The cues of a work-up: what it is "for". */
const EVALUATION = /\b(?:evaluat\w*|work ?up|studies|testing)\b/;

/**
 * A symptom or finding evaluated "for" is there ("try to further evaluate her for the unexplained
 * weight loss", "sent to evaluate for chest pain"): the work-up looks for its cause. A disease
 * evaluated for is to be ruled out (IV.H), so only symptom codes (R00-R99) are read back as
 * present, and only when every doubted word is under a work-up's cue ("the need for" is a proposal).
 */
export function evaluatedSymptom(ctx: ContextScopes, sources: number[], code: string): boolean {
  if (!code.startsWith('R')) return false;
  return sources.every((i) => {
    if (ctx.assertionOf(i) !== 'hypothetical') return true;
    const literal = ctx.triggerFor(i)?.rule.literal ?? '';
    return EVALUATION.test(literal) && !/\bneed for\b/.test(literal);
  });
}
