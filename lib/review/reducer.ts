import {
  emptyReview,
  EMPTY_PATIENT,
  type Decision,
  type FindingState,
  type PatientDraft,
  type ReviewEvent,
  type ReviewState,
  type ServiceLine,
  type VisitChoice,
} from './state';

/*
 * The review as a reducer: every step returns the next state and the audit events it causes, as
 * data. No React, no DOM, no storage here: the panel's hooks persist the state and log the events.
 */

export type CodeSystem = 'ICD-10-CM' | 'HCPCS' | 'CPT';

export type ReviewAction =
  /**
   * The panel reads a chart. Another chart than the current one starts a new review (decisions
   * cleared: codes never travel from one patient to the next) unless `saved` holds that chart's
   * stored review, which is restored. The same chart keeps the review as it is.
   */
  | {
      type: 'open-chart';
      key: string;
      banner: { name?: string; dob?: string; memberId?: string };
      saved?: ReviewState;
      defaultVisit?: VisitChoice;
    }
  /** A decision on a suggestion (undefined withdraws it). `units` is the suggestion's own unit count. */
  | { type: 'decide'; code: string; system: CodeSystem; units?: number; decision: Decision | undefined }
  /**
   * A code added from the search: picked from the results, or typed as a code list entry
   * (`typed`: read by the shared parser, lib/review/claim-codes.ts, with its modifiers and units).
   */
  | { type: 'add'; code: string; system: CodeSystem; modifiers?: string[]; units?: number; typed?: boolean }
  | { type: 'remove'; code: string }
  /** Moves a diagnosis up (-1) or down (+1) in claim order. */
  | { type: 'move'; code: string; dir: -1 | 1 }
  | { type: 'edit-service'; code: string; patch: Partial<Omit<ServiceLine, 'code'>> }
  /** Puts the offered E/M code on the claim (code) or takes it off (undefined). */
  | { type: 'em'; code: string | undefined; offered: string }
  | { type: 'visit'; visit: VisitChoice }
  | { type: 'finding'; key: string; rule: string; codes: string[]; state: FindingState | undefined }
  | { type: 'patient'; patient: PatientDraft }
  | { type: 'date'; date: string | undefined };

export interface Step {
  state: ReviewState;
  events: ReviewEvent[];
}

const same = (state: ReviewState): Step => ({ state, events: [] });
const isDiagnosis = (system: CodeSystem) => system === 'ICD-10-CM';

function withCode(
  state: ReviewState,
  code: string,
  system: CodeSystem,
  units = 1,
  modifiers: string[] = [],
): ReviewState {
  if (isDiagnosis(system))
    return state.diagnoses.includes(code) ? state : { ...state, diagnoses: [...state.diagnoses, code] };
  if (state.services.some((s) => s.code === code)) return state;
  return { ...state, services: [...state.services, { code, modifiers, units }] };
}

function withoutCode(state: ReviewState, code: string): ReviewState {
  return {
    ...state,
    diagnoses: state.diagnoses.filter((c) => c !== code),
    services: state.services.filter((s) => s.code !== code),
    ...(state.emAccepted === code ? { emAccepted: undefined } : {}),
  };
}

/** The code a decision puts on the claim: the replacement, the suggestion itself, or none. */
const claimed = (code: string, d: Decision | undefined) =>
  d?.status === 'accepted' ? (d.replacedBy ?? code) : undefined;

function decide(state: ReviewState, a: Extract<ReviewAction, { type: 'decide' }>): Step {
  const before = claimed(a.code, state.decisions[a.code]);
  const after = claimed(a.code, a.decision);
  const decisions = { ...state.decisions };
  if (a.decision) decisions[a.code] = a.decision;
  else delete decisions[a.code];
  let next: ReviewState = { ...state, decisions };
  const units = after === a.code ? (a.units ?? 1) : 1;
  if (before && after && before !== after && isDiagnosis(a.system) && !state.diagnoses.includes(after)) {
    // A replacement keeps the claim position of the code it replaces.
    next = { ...next, diagnoses: next.diagnoses.map((c) => (c === before ? after : c)) };
  } else {
    if (before && before !== after) next = withoutCode(next, before);
    if (after && after !== before) next = withCode(next, after, a.system, units);
  }
  const event: ReviewEvent = a.decision?.replacedBy
    ? { kind: 'replaced', code: a.code, detail: `replaced by ${a.decision.replacedBy}` }
    : a.decision?.status === 'accepted'
      ? { kind: 'accepted', code: a.code }
      : a.decision
        ? { kind: 'rejected', code: a.code }
        : { kind: 'rejected', code: a.code, detail: 'decision withdrawn' };
  return { state: next, events: [event] };
}

function openChart(state: ReviewState, a: Extract<ReviewAction, { type: 'open-chart' }>): Step {
  if (a.saved && a.saved.key === a.key) return same(a.saved);
  if (a.key === state.key) return same(state);
  const fresh = emptyReview(a.defaultVisit ?? 'auto');
  return same({
    ...fresh,
    key: a.key,
    // The rendering provider is the coder's session, not the patient's: it carries over.
    patient: {
      ...EMPTY_PATIENT,
      provider: state.patient.provider,
      name: a.banner.name ?? '',
      dob: a.banner.dob ?? '',
      memberId: a.banner.memberId ?? '',
    },
  });
}

export function reduceReview(state: ReviewState, a: ReviewAction): Step {
  switch (a.type) {
    case 'open-chart':
      return openChart(state, a);
    case 'decide':
      return decide(state, a);
    case 'add':
      return {
        state: withCode(state, a.code, a.system, a.units, a.modifiers),
        events: [{ kind: 'accepted', code: a.code, detail: a.typed ? 'typed in the search' : 'added from search' }],
      };
    case 'remove': {
      const next = withoutCode(state, a.code);
      // A decision that put this code on the claim goes with it (the suggestion is undecided again).
      const decisions = Object.fromEntries(Object.entries(next.decisions).filter(([k, d]) => claimed(k, d) !== a.code));
      return {
        state: { ...next, decisions },
        events: [{ kind: 'rejected', code: a.code, detail: 'removed from the summary' }],
      };
    }
    case 'move': {
      const i = state.diagnoses.indexOf(a.code);
      const j = i + a.dir;
      if (i < 0 || j < 0 || j >= state.diagnoses.length) return same(state);
      const diagnoses = [...state.diagnoses];
      [diagnoses[i], diagnoses[j]] = [diagnoses[j]!, diagnoses[i]!];
      return same({ ...state, diagnoses });
    }
    case 'edit-service': {
      const exists = state.services.some((s) => s.code === a.code);
      // The accepted E/M code gets its own line the first time its modifiers or units are edited.
      if (!exists && a.code !== state.emAccepted) return same(state);
      const services = exists
        ? state.services.map((s) => (s.code === a.code ? { ...s, ...a.patch } : s))
        : [...state.services, { code: a.code, modifiers: [], units: 1, ...a.patch }];
      return same({ ...state, services });
    }
    case 'em':
      if (a.code === state.emAccepted) return same(state);
      return {
        state: {
          ...state,
          emAccepted: a.code,
          services: a.code ? state.services : state.services.filter((s) => s.code !== state.emAccepted),
        },
        events: [{ kind: a.code ? 'accepted' : 'rejected', code: a.code ?? a.offered, detail: 'E/M level' }],
      };
    case 'visit':
      return same({ ...state, visit: a.visit });
    case 'finding': {
      const findingStates = { ...state.findingStates };
      if (a.state) findingStates[a.key] = a.state;
      else delete findingStates[a.key];
      const events: ReviewEvent[] = a.state
        ? [
            {
              kind: a.state.status === 'overridden' ? 'finding-overridden' : 'finding-acknowledged',
              code: a.codes.join(' '),
              detail: `${a.rule}${a.state.reason ? `: ${a.state.reason}` : ''}`,
            },
          ]
        : [];
      return { state: { ...state, findingStates }, events };
    }
    case 'patient':
      return same({ ...state, patient: a.patient });
    case 'date':
      return same(a.date === state.dateOfService ? state : { ...state, dateOfService: a.date });
  }
}
