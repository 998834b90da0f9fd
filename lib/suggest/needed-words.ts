import { RULES } from './term-rules';

/**
 * Codes read only where the sentence writes one of their words (term-rules.json
 * words_a_code_needs): use of a drug a patient may be prescribed is coded only when the provider
 * writes its use or abuse (Guidelines I.C.5.b.3: "the methadone did not work for her" names a
 * prescription); repeated falls R29.6 only for falls, not for the one fall that caused an injury.
 * The Index's "Methadone use" and "Fall, falling (repeated)" lose those words as stop words.
 */
export function lacksNeededWord(code: string, sentenceNorms: Set<string>): boolean {
  const rule = RULES.words_a_code_needs.find((r) => r.prefixes.some((p) => code.startsWith(p)));
  return rule !== undefined && !rule.any_of.some((w) => sentenceNorms.has(w));
}
