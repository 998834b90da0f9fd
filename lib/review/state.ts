import { z } from 'zod';
import { FAMILIES } from '../em/schema';

/*
 * One review: the coder's work on one chart (site + patient + encounter). Plain data, validated
 * when read back from storage, so a review saved by an older panel never breaks a newer one.
 */

/** A decision on a suggested code: accepted (optionally replaced by a more specific code) or rejected. */
export const DecisionSchema = z.strictObject({
  status: z.enum(['accepted', 'rejected']),
  replacedBy: z.string().max(12).optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** A service line of the claim being built (CPT / HCPCS). */
export const ServiceLineSchema = z.strictObject({
  code: z.string().max(12),
  // As typed (the panel's input holds at most 32 characters): a modifier that is not one, or a fifth,
  // is reported on the claim, and the review still saves and restores.
  modifiers: z.array(z.string().max(32)).max(16),
  units: z.number().int().min(1).max(9999),
});
export type ServiceLine = z.infer<typeof ServiceLineSchema>;

/** The coder's answer to a finding of the checks: acknowledged, or overridden with a reason. */
export const FindingStateSchema = z.strictObject({
  status: z.enum(['acknowledged', 'overridden']),
  reason: z.string().max(500).optional(),
});
export type FindingState = z.infer<typeof FindingStateSchema>;

/** Patient identifiers and the rendering provider as the coder confirms them for the claim. */
export const PatientDraftSchema = z.strictObject({
  name: z.string().max(200),
  dob: z.string().max(40),
  memberId: z.string().max(80),
  provider: z.string().max(200),
  confirmed: z.boolean(),
});
export type PatientDraft = z.infer<typeof PatientDraftSchema>;

/** The E/M family to level the note in: read from the note ('auto') or the coder's choice. */
export const VisitChoiceSchema = z.enum(['auto', ...FAMILIES]);
export type VisitChoice = z.infer<typeof VisitChoiceSchema>;

export const ReviewStateSchema = z.strictObject({
  version: z.literal(1),
  /** The chart the review belongs to (site + patient + encounter); undefined before a note is read. */
  key: z.string().optional(),
  patient: PatientDraftSchema,
  /** The coder's date of service; absent: the encounter date on the chart banner. */
  dateOfService: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  visit: VisitChoiceSchema,
  /** Decisions on suggestions, by the suggested code. */
  decisions: z.record(z.string(), DecisionSchema),
  /** Accepted diagnoses in claim order (first = first-listed). */
  diagnoses: z.array(z.string().max(12)).max(50),
  services: z.array(ServiceLineSchema).max(50),
  /** The E/M code the coder put on the claim (its modifiers and units live in `services` once edited). */
  emAccepted: z.string().max(12).optional(),
  /** Finding states by finding key (rule + codes). */
  findingStates: z.record(z.string(), FindingStateSchema),
});
export type ReviewState = z.infer<typeof ReviewStateSchema>;

export const EMPTY_PATIENT: PatientDraft = { name: '', dob: '', memberId: '', provider: '', confirmed: false };

export function emptyReview(visit: VisitChoice = 'auto'): ReviewState {
  return { version: 1, patient: EMPTY_PATIENT, visit, decisions: {}, diagnoses: [], services: [], findingStates: {} };
}

/** A stored review, or undefined when it is not one (another version, damaged): the panel then starts afresh. */
export function parseReview(value: unknown): ReviewState | undefined {
  const r = ReviewStateSchema.safeParse(value);
  return r.success ? r.data : undefined;
}

/** What the audit trail records of one step (the reducer returns these as data; the panel stores them). */
export type ReviewEventKind = 'accepted' | 'rejected' | 'replaced' | 'finding-acknowledged' | 'finding-overridden';
export interface ReviewEvent {
  kind: ReviewEventKind;
  code?: string;
  detail?: string;
}
