import type { ContextScopes } from '../text/context';

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
