/** Plan wording that treats the condition it names: treated, given, started on, prescribed. */
const TREATS =
  /\b(?:treat(?:ed)?|will be given|(?:be |was |were )?started on|prescribed|will receive|admit(?:ted)?|for (?:the )?(?:treatment|management|control|monitoring) of|(?:profile|panel) for)\b/i;

/**
 * A drug the plan gives for the symptom it names ("We will try Anaprox DS one every 12 hours for
 * the headache"): the provider treats that symptom at this visit, a diagnosis of its own on the
 * claim when none explains it (IV.D, IV.J). "For the", "for her": the target named, not a prn order.
 */
const DRUG_FOR_IT =
  /\b(?:try|trial of|prescribed?|will (?:start|give|use))\b[^.;]{0,60}?\bfor (?:the|her|his|this|these) \w+/i;

/** What a plan statement does with the conditions it names. */
export function planTreats(statement: string): { treated?: true; drugFor?: true } {
  if (DRUG_FOR_IT.test(statement)) return { treated: true, drugFor: true };
  return TREATS.test(statement) ? { treated: true } : {};
}
