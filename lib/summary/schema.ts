import { z } from 'zod';
import { SettingSchema, type Setting } from '../domain/setting';

/**
 * The coded summary handed to billing (issue 6): what the coder accepted, in claim order, with the
 * releases it was coded against. Limits follow the CMS-1500 (02/12) and the 837P 005010X222A1:
 * 12 diagnoses (box 21 A-L / HI), 4 diagnosis pointers and 4 modifiers per line (24E / SV107,
 * 24D / SV101-3..6), 50 service lines per claim (LX loop 2400 repeat).
 */
export const MAX_DIAGNOSES = 12;
export const MAX_POINTERS = 4;
export const MAX_MODIFIERS = 4;
export const MAX_LINES = 50;
export const POINTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;

export const PointerSchema = z.enum(POINTERS);
const Date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const SummaryDiagnosisSchema = z.strictObject({
  pointer: PointerSchema,
  code: z.string().regex(/^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'an ICD-10-CM code with its dot (e.g. E11.22)'),
  description: z.string().default(''),
});

export const ServiceLineSchema = z.strictObject({
  code: z
    .string()
    .regex(/^([0-9]{4}[0-9A-Z]|[A-V][0-9]{4})$/, 'a CPT (5 characters) or HCPCS Level II code (letter + 4 digits)'),
  system: z.enum(['CPT', 'HCPCS']),
  description: z.string().default(''),
  modifiers: z
    .array(z.string().regex(/^[A-Z0-9]{2}$/, 'a modifier is 2 letters/digits'))
    .max(MAX_MODIFIERS, `at most ${MAX_MODIFIERS} modifiers per line (box 24D / SV101)`)
    .default([]),
  units: z.number().int().positive().max(9999).default(1),
  pointers: z
    .array(PointerSchema)
    .min(1, 'each line points to at least one diagnosis')
    .max(MAX_POINTERS, `at most ${MAX_POINTERS} diagnosis pointers per line (box 24E / SV107)`),
  charge: z.number().nonnegative().optional(),
  /** Date of service of the line when it differs from the encounter's. */
  date: Date.optional(),
});

export const SummaryFindingSchema = z.strictObject({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  codes: z.array(z.string()),
  status: z.enum(['open', 'resolved', 'acknowledged', 'overridden']),
  reason: z.string().optional(),
});

export const CodedSummarySchema = z
  .strictObject({
    version: z.literal(1),
    encounter: z.strictObject({
      dateOfService: Date,
      /** CMS place-of-service code (11 office, 21 inpatient hospital, 22 outpatient hospital …). */
      placeOfService: z.string().regex(/^\d{2}$/),
      setting: SettingSchema,
      renderingProvider: z.string().optional(),
    }),
    patient: z
      .strictObject({
        name: z.string().optional(),
        dob: Date.optional(),
        memberId: z.string().optional(),
        sex: z.enum(['female', 'male', 'unknown']).optional(),
        /** The user confirmed the identifiers against the chart header. */
        confirmed: z.boolean().default(false),
      })
      .default({ confirmed: false }),
    diagnoses: z
      .array(SummaryDiagnosisSchema)
      .max(MAX_DIAGNOSES, `at most ${MAX_DIAGNOSES} diagnoses per claim (box 21 A-L); split the claim`),
    lines: z
      .array(ServiceLineSchema)
      .max(MAX_LINES, `at most ${MAX_LINES} service lines per claim (837P loop 2400); split the claim`),
    findings: z.array(SummaryFindingSchema).default([]),
    releases: z.array(
      z.strictObject({ system: z.string(), release: z.string(), effectiveFrom: z.string(), effectiveTo: z.string() }),
    ),
  })
  .superRefine((s, ctx) => {
    s.diagnoses.forEach((d, i) => {
      if (d.pointer !== POINTERS[i])
        ctx.addIssue({
          code: 'custom',
          path: ['diagnoses', i, 'pointer'],
          message: `diagnosis ${i + 1} must carry pointer ${POINTERS[i]} (pointers follow the order)`,
        });
    });
    const seen = new Set(s.diagnoses.map((d) => d.pointer));
    s.lines.forEach((l, i) =>
      l.pointers.forEach((p) => {
        if (!seen.has(p))
          ctx.addIssue({
            code: 'custom',
            path: ['lines', i, 'pointers'],
            message: `line ${i + 1} points to ${p}, but there is no diagnosis ${p}`,
          });
      }),
    );
  });
export type CodedSummary = z.infer<typeof CodedSummarySchema>;
export type CodedSummaryInput = z.input<typeof CodedSummarySchema>;
export type ServiceLine = z.infer<typeof ServiceLineSchema>;

/** Zod issues as one message per line: "lines.2.modifiers: at most 4 modifiers per line …". */
export function summaryProblems(input: unknown): string[] {
  const r = CodedSummarySchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || 'summary'}: ${i.message}`);
}

export function placeOfService(setting: Setting): string {
  return setting === 'office' ? '11' : '21';
}
