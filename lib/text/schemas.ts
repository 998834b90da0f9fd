import { z } from 'zod';

/** Strict schemas for the text layer's data files: unknown keys are rejected. */
export const AbbreviationsSchema = z.strictObject({
  about: z.string(),
  entries: z.array(
    z.strictObject({ abbr: z.string().min(1), expansion: z.string().min(1), case: z.enum(['any', 'upper']) }),
  ),
});

export const SynonymsSchema = z.strictObject({
  about: z.string(),
  entries: z.array(
    z.strictObject({
      phrase: z.string().min(1),
      canonical: z.string().min(1),
      replace: z.boolean().optional(),
      unit: z.boolean().optional(),
    }),
  ),
});

export const SectionsSchema = z.strictObject({
  about: z.string(),
  sections: z.array(
    z.strictObject({ name: z.string().regex(/^[a-z_]+$/), headings: z.array(z.string().min(1)).min(1) }),
  ),
});

export const CONTEXT_CATEGORIES = [
  'NEGATED_EXISTENCE',
  'POSSIBLE_EXISTENCE',
  'HYPOTHETICAL',
  'HISTORICAL',
  'FAMILY',
  'OTHER_PERSON',
  'TERMINATE',
  'PSEUDO',
] as const;
export type ContextCategory = (typeof CONTEXT_CATEGORIES)[number];

export const ContextRulesSchema = z.strictObject({
  about: z.string(),
  rules: z.array(
    z.strictObject({
      literal: z.string().min(1),
      category: z.enum(CONTEXT_CATEGORIES),
      direction: z.enum(['FORWARD', 'BACKWARD', 'BIDIRECTIONAL', 'TERMINATE', 'PSEUDO']),
      max_scope: z.number().int().positive().optional(),
    }),
  ),
});
export type ContextRule = z.infer<typeof ContextRulesSchema>['rules'][number];
