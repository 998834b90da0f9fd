import { checkPatientIds, type PatientIds } from '../billing/patient-id';
import type { SummaryDraft } from '../summary/build';
import type { ReviewState, ServiceLine } from './state';

/*
 * What the rest of the product reads from a review: the claim's service lines (E/M first), the
 * codes on the claim for the checks, the draft of the coded summary, and whether a billing form
 * may be filled from it.
 */

/** The E/M line first (with whatever modifiers / units the coder set on it), then the other services. */
export function claimServices(state: ReviewState): ServiceLine[] {
  const em = state.emAccepted
    ? (state.services.find((s) => s.code === state.emAccepted) ?? { code: state.emAccepted, modifiers: [], units: 1 })
    : undefined;
  return [...(em ? [em] : []), ...state.services.filter((s) => s.code !== state.emAccepted)];
}

/** The claim as the checks engine reads it: numbered diagnoses and service lines. */
export function claimLines(state: ReviewState) {
  return {
    diagnoses: state.diagnoses.map((code, i) => ({ code, line: i + 1 })),
    services: claimServices(state).map((s, i) => ({
      code: s.code,
      modifiers: s.modifiers,
      units: s.units,
      line: i + 1,
    })),
  };
}

export const hasClaim = (state: ReviewState) =>
  state.diagnoses.length > 0 || state.services.length > 0 || state.emAccepted !== undefined;

/** Every code on the claim (diagnoses and services). */
export const codesOnClaim = (state: ReviewState) =>
  new Set([...state.diagnoses, ...claimServices(state).map((s) => s.code)]);

/** The coded summary's draft (the summary builder validates it against the code pack). */
export function summaryDraft(
  state: ReviewState,
  context: {
    dateOfService: string;
    setting: 'office' | 'hospital';
    findings?: SummaryDraft['findings'];
    cptTitle?: SummaryDraft['cptTitle'];
  },
): SummaryDraft {
  const p = state.patient;
  const dob = p.dob.trim();
  return {
    dateOfService: context.dateOfService,
    setting: context.setting,
    diagnoses: state.diagnoses,
    services: claimServices(state),
    ...(p.provider.trim() ? { renderingProvider: p.provider.trim() } : {}),
    patient: {
      ...(p.name.trim() ? { name: p.name.trim() } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(dob) ? { dob } : {}),
      ...(p.memberId.trim() ? { memberId: p.memberId.trim() } : {}),
      confirmed: p.confirmed,
    },
    ...(context.findings ? { findings: context.findings } : {}),
    ...(context.cptTitle ? { cptTitle: context.cptTitle } : {}),
  };
}

/** Rules of the patient check that say "another patient" (not a missing field on the form). */
const MISMATCH = new Set([
  'patient-name-mismatch',
  'patient-name-misspelled',
  'patient-dob-mismatch',
  'patient-member-id-mismatch',
]);

export interface FillGate {
  /** True when the form is for another patient than the reviewed note, and the coder has not confirmed it. */
  blocked: boolean;
  /** The mismatches found (empty when the form and the note agree). */
  mismatches: string[];
  /** One line for the coder. */
  message?: string;
}

/**
 * May the billing form be filled from this summary? Not when the form's patient differs from the
 * reviewed note's patient (name, date of birth or member id), until the coder confirms that it is
 * the same person (a typo on the form, a married name) — that confirmation goes to the audit trail.
 */
export function fillGate(note: PatientIds, form: PatientIds, today: string, confirmedSamePatient = false): FillGate {
  const mismatches = checkPatientIds(note, form, today)
    .filter((f) => MISMATCH.has(f.rule))
    .map((f) => f.rule);
  if (!mismatches.length) return { blocked: false, mismatches };
  const who = (p: PatientIds) => [p.name, p.dob, p.memberId].filter(Boolean).join(', ') || 'unknown';
  return {
    blocked: !confirmedSamePatient,
    mismatches,
    message: `The billing form is for ${who(form)}; the reviewed note is for ${who(note)}.`,
  };
}

/** True when a stored hand-off's patient is the billing form's patient (no mismatch on what both show). */
export const samePatient = (note: PatientIds, form: PatientIds, today: string) =>
  fillGate(note, form, today).mismatches.length === 0;
