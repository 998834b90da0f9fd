import { z } from 'zod';

/** What a section says about the encounter, as a coder reads it (see data/section-kinds.json). */
export const SECTION_ROLES = [
  'diagnostic',
  'reason',
  'narrative',
  'history',
  'status',
  'family',
  'social',
  'medications',
  'allergies',
  'findings',
  'plan',
  'procedure',
  'other',
] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

export const SectionKindsSchema = z.strictObject({
  about: z.string(),
  kinds: z.array(
    z.strictObject({
      kind: z.string().regex(/^[a-z_]+$/),
      role: z.enum(SECTION_ROLES),
      headings: z.array(z.string().min(1)).min(1),
      keywords: z.array(z.string().min(1)),
    }),
  ),
  body_systems: z.array(z.string().min(1)),
});
