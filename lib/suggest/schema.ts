import { z } from 'zod';
import { SettingSchema } from '../domain/setting';

export const AssertionSchema = z.enum([
  'present',
  'negated',
  'possible',
  'hypothetical',
  'historical',
  'family',
  'other_person',
]);

export const EvidenceSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const SuggestionSchema = z.strictObject({
  code: z.string(),
  description: z.string(),
  system: z.enum(['ICD-10-CM', 'HCPCS', 'CPT']),
  release: z.string(),
  billable: z.boolean(),
  score: z.number(),
  assertion: AssertionSchema,
  section: z.string(),
  evidence: z.array(EvidenceSchema).min(1),
  mentions: z.number().int().positive(),
  /** CMS-HCC V28 payment category of a diagnosis, where the mapping has one (risk adjustment). */
  hcc: z
    .strictObject({
      category: z.number().int(),
      label: z.string().optional(),
      model: z.literal('V28'),
      paymentYear: z.number().int(),
    })
    .optional(),
  /** Billing units computed from the documented dose (HCPCS drug codes). */
  units: z.number().int().positive().optional(),
  reason: z.strictObject({
    /** The phrase of the code set that matched (title, inclusion term or index path) and where it comes from. */
    matched: z.string(),
    via: z.string(),
    /** Header code the match landed on before it was refined to a billable code. */
    refinedFrom: z.string().optional(),
    /** Words of the note that chose the child / 7th character. */
    refinedBy: z.array(z.string()).optional(),
    /** Condition code a history / family-history code was derived from. */
    mappedFrom: z.string().optional(),
    note: z.string().optional(),
  }),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const AnalysisSchema = z.strictObject({
  setting: SettingSchema,
  release: z.strictObject({
    system: z.literal('ICD-10-CM'),
    label: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string(),
  }),
  warnings: z.array(z.string()),
  /** Ranked candidates for the encounter. */
  suggestions: z.array(SuggestionSchema),
  /** Less specific readings of the same words (e.g. I10 inside "hypertension and heart disease" -> I11.9): shown collapsed. */
  alternatives: z.array(SuggestionSchema),
  /** Mentions that must not be coded as they stand (negated, hypothetical, uncertain in the office), with why. */
  excluded: z.array(SuggestionSchema),
  stats: z.strictObject({ characters: z.number(), sentences: z.number(), tokens: z.number(), ms: z.number() }),
});
export type Analysis = z.infer<typeof AnalysisSchema>;
