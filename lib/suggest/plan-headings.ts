import type { Statement } from '../document/document';

/**
 * "PLAN: 1. Hypotension. I would fluid replete ... 3. Fever and elevated white count. We will
 * continue current antibiotics ...": a plan numbered by problem names each problem it manages in
 * the item's first sentence. That sentence is the provider's diagnostic statement (Guidelines
 * IV.A: the conditions addressed at the visit), not a planned test or treatment. It is read so only
 * when it is a bare noun phrase: a short sentence with no word of an action, a state, a person or a
 * treatment ("Continue Lasix.", "We discussed weight loss options.", "Immunizations discussed and
 * updated with hepatitis B.", "Aggressive medical management including dialysis." stay the plan).
 */
const ACTION =
  /\b(will|would|shall|continue[ds]?|start(ed|ing)?|stop(ped)?|follow(ed|ing)?|check(ed)?|obtain(ed)?|order(ed)?|give|given|discontinue[ds]?|refer(red)?|recommend(ed)?|schedule[ds]?|consider(ed)?|plan(ned)?|get|repeat(ed)?|monitor(ed|ing)?|return|call|see|is|are|was|were|be|been|has|have|had|may|might|should|can|could|need(s|ed)?|to|please|if|as|per|we|i|he|she|they|you|patient|discuss(ed|ion)?|update[ds]?|management|treatment|therapy|including|options?|education|counsel(l?ing|l?ed)?|precautions|prophylaxis|encourag(ed|e)|advised?|asked|instructed|told|explained|reviewed|reassur(ed|ance)|sent|diet|exercise|for|with\s+(?:his|her|their|the)\s+(?:pcp|physician|doctor)|in|on|at|by|x|mg|daily|prn)\b|\d/i;

export function isPlanProblemHeading(st: Statement, text: string): boolean {
  if (st.section.role !== 'plan' || !st.opensItem) return false;
  const words = text
    .replace(/^\s*#?\d{1,2}[.)]?\s*/, '')
    .replace(/[.:;,\s]+$/, '')
    .trim();
  if (!words || words.split(/\s+/).length > 8) return false;
  return !ACTION.test(words);
}
