import { z } from 'zod';
import { AnalysisSchema } from '../suggest/schema';
import { SettingSchema } from '../domain/setting';

/** A service or diagnosis line as reported (what the coder or biller is about to send). */
export const ReportedCodeSchema = z.strictObject({
  code: z.string().min(3),
  /** CPT/HCPCS: modifiers (e.g. 25, 59, XS, RT); ICD-10-CM: none. */
  modifiers: z
    .array(z.string().regex(/^[A-Z0-9]{2}$/))
    .max(4)
    .default([]),
  units: z.number().int().positive().default(1),
  /** 1-based order on the claim (diagnosis sequence or service line). */
  line: z.number().int().positive(),
});
export type ReportedCode = z.infer<typeof ReportedCodeSchema>;

export const UnparsedSchema = z.strictObject({
  text: z.string(),
  /** 1-based position in the code list as given. */
  position: z.number().int().positive(),
  reason: z.string(),
  /** The code the entry most likely means, when its spelling alone says so (E119 -> E11.9). */
  meant: z.string().optional(),
});
export type Unparsed = z.infer<typeof UnparsedSchema>;

export const EncounterSchema = z.strictObject({
  /** ISO date of service. */
  dateOfService: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  setting: SettingSchema,
  diagnoses: z.array(ReportedCodeSchema),
  services: z.array(ReportedCodeSchema),
  patient: z
    .strictObject({ sex: z.enum(['female', 'male']).optional(), ageYears: z.number().int().min(0).max(130).optional() })
    .default({}),
  /** The note's analysis when a note is available (evidence for documentation findings). */
  analysis: AnalysisSchema.optional(),
  note: z.string().optional(),
  /** Entries of the code list that are not codes as written (parseCodeList), each with why and, when clear, the code meant. */
  unparsed: z.array(UnparsedSchema).default([]),
});
export type Encounter = z.infer<typeof EncounterSchema>;

export const FindingSchema = z.strictObject({
  rule: z.string(),
  kind: z.enum(['documentation', 'conflict', 'validity', 'info']),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  rationale: z.string(),
  /** Where the rule comes from, in our words: guideline section, NCCI chapter, table and release. */
  source: z.string(),
  codes: z.array(z.string()),
  evidence: z.array(z.strictObject({ start: z.number(), end: z.number(), text: z.string() })).default([]),
  action: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;
