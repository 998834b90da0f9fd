import { CUES, type Scores } from './family-scores';
import { allMatches, firstMatch, type EmNote, type Span } from './note-view';
import type { Family } from '../domain/visit-family';
import type { Setting } from '../domain/setting';

/*
 * Where and for whom the visit is: in a nursing facility, in hospital already (no family cue of
 * its own), by the treating physician rather than a consultant, a new or established patient, and
 * where a consultation took place.
 */

/** The visit takes place in a nursing facility (its own words reached the minimum score). */
export function inFacility(scores: Scores): boolean {
  return (scores.get('nursing')?.score ?? 0) >= CUES.minimumScore;
}

/** A note of a patient already in hospital, with no family cue: the admission (full history) or a later visit. */
export function hospitalStay(note: EmNote): { family: Family; evidence: Span[]; why: string } | undefined {
  const text = note.doc.view;
  // A stay told of the social or family history ("has been admitted to multiple hospitals over the
  // last several months") is a past one, or a relative's.
  // Headings count ("EXAM ON ADMISSION"), so the whole text is read, less those sections.
  const elsewhere = note.statements.filter((s) => s.role === 'social' || s.role === 'family');
  const outside = (h: Span) => !elsewhere.some((s) => h.start >= s.start && h.start < s.start + s.text.length);
  const hits = CUES.hospitalStay
    .map((p) => allMatches(text, p).find(outside))
    .filter((s): s is Span => s !== undefined);
  hits.push(...hospitalOrders(note));
  if (hits.length < CUES.hospitalStayNeeds) return undefined;
  const kinds = new Set(note.doc.sections.map((s) => s.kind));
  const full = CUES.fullHistory.kinds.filter((k) => kinds.has(k)).length >= CUES.fullHistory.needs;
  const words = hits.map((s) => `"${s.text}"`).join(', ');
  // The whole history of a patient someone else admitted, with the author's opinion and no
  // admission of his own: a consultation (CPT: a visit at another physician's request for an
  // opinion); the physician who admits reports the initial hospital care.
  const opinion =
    full && !firstMatch(text, CUES.hospitalOpinion.admitsNow) && firstMatch(text, CUES.hospitalOpinion.opinion);
  if (opinion)
    return {
      family: 'inpatient-consult',
      evidence: [...hits, opinion],
      why: `a patient already in hospital (${words}), the author's opinion ("${opinion.text}") and no admission of his own: a consultation`,
    };
  return full
    ? {
        family: 'initial',
        evidence: hits,
        why: `a full history and examination of a patient in hospital (${words}): the admission`,
      }
    : { family: 'subsequent', evidence: hits, why: `a patient already in hospital (${words})` };
}

/**
 * Care only a hospital gives, ordered in the assessment and plan (intravenous therapy begun or
 * continued, a sliding scale, a transfer to intensive care, prophylaxis of deep vein thrombosis;
 * the 24-hour temperature of a ward round is read wherever it is written): each is a word of a
 * stay. With one of them, the history's arrival through the emergency department is one too: the
 * physician after the emergency department who starts hospital care is the admitting or the
 * attending one (CPT: hospital inpatient or observation care), not an office.
 */
function hospitalOrders(note: EmNote): Span[] {
  const plan = note.statements.filter((s) => s.role === 'plan' || s.role === 'diagnostic');
  const hits: Span[] = [];
  for (const p of CUES.hospitalOrders.orders) {
    const hit = plan.map((s) => firstMatch(s.text, [p], s.start)).find(Boolean);
    if (hit) hits.push(hit);
  }
  if (hits.length === 0) return hits;
  const told = note.statements.filter((s) => s.role !== 'plan' && s.role !== 'diagnostic');
  for (const s of told) {
    const via = CUES.hospitalOrders.viaEmergency.map((p) => firstMatch(s.text, [p], s.start)).find(Boolean);
    if (via) return [...hits, via];
  }
  return hits;
}

const CONDITIONAL = /\b(if|unless|should|may|might|could|consider\w*|possibl[ey]|whether)\b/i;
/**
 * An admission planned for after an operation ("he will be admitted after the pacemaker exchange",
 * "Admit the patient after surgery") is a later date's service: this visit precedes the operation
 * (the pre-operative visit; CPT reports the initial hospital care on the date of admission).
 */
export const AFTER_OPERATION =
  /^[^.]{0,40}?\b(after|following) (the |his |her |this )?([\w-]+ ){0,2}(surgery|procedure|operation|exchange|repair|replacement|implant\w*)\b|^[^.]{0,40}?\bpost-?operative(ly)?\b/i;

/**
 * A note no family cue places, read by its words of place: the author admitting the patient
 * ("admitted here", "He is now being admitted for definitive repair", "Admit." in the plan) makes
 * it the admission; the emergency department's words (the patient on a stretcher, nursing notes
 * reviewed, discharged home) make it an emergency-department visit. Neither when the history or
 * the examination places the visit in an office or a clinic ("Mom returned to clinic today").
 */
export function placeByWords(note: EmNote): { family: Family; evidence: Span[]; why: string } | undefined {
  const cues = CUES.placeByWords;
  const told = note.statements.filter(
    (s) => s.role !== 'family' && s.role !== 'social' && s.role !== 'medications' && s.role !== 'allergies',
  );
  const here = told.filter((s) => s.role !== 'plan' && s.role !== 'diagnostic');
  if (here.some((s) => firstMatch(s.text, cues.office))) return undefined;
  // "If he worsens, we will admit him": a conditional admission is not this visit's.
  const find = (statements: typeof told, patterns: string[]) => {
    for (const s of statements) {
      const hit = firstMatch(s.text, patterns, s.start);
      if (!hit || CONDITIONAL.test(s.text.slice(0, hit.start - s.start))) continue;
      if (AFTER_OPERATION.test(s.text.slice(hit.end - s.start))) continue;
      return hit;
    }
    return undefined;
  };
  const admits =
    find(told, cues.admits) ??
    find(
      told.filter((s) => s.role === 'plan' || s.role === 'diagnostic'),
      cues.admitsInPlan,
    );
  if (admits) return { family: 'initial', evidence: [admits], why: `the author admits the patient ("${admits.text}")` };
  // A line of the author's own ("Nursing notes were reviewed with which I agree") transcribed at the
  // end of the social history is still the author's: the emergency department's words are read there too.
  const edTold = note.statements.filter(
    (s) => s.role !== 'family' && s.role !== 'medications' && s.role !== 'allergies',
  );
  const ed = cues.ed.map((p) => find(edTold, [p])).filter((s): s is Span => s !== undefined);
  if (ed.length >= cues.edNeeds)
    return {
      family: 'ed',
      evidence: ed,
      why: `words of the emergency department (${ed.map((s) => `"${s.text}"`).join(', ')}), none of an office`,
    };
  return undefined;
}

/** The history or examination places the visit in an urgent care or walk-in clinic. */
export function toldInUrgentCare(note: EmNote): boolean {
  return note.statements.some(
    (s) =>
      s.role !== 'plan' &&
      s.role !== 'diagnostic' &&
      s.role !== 'family' &&
      s.role !== 'social' &&
      firstMatch(s.text, CUES.placeByWords.urgentCare) !== undefined,
  );
}

/** Words of the author's own earlier care of this patient, read outside the plan. */
export function treatingPhysician(note: EmNote): Span | undefined {
  for (const s of note.statements) {
    if (s.role === 'plan') continue;
    const hit = firstMatch(s.text, CUES.treatingPhysician, s.start);
    if (hit) return hit;
  }
  return undefined;
}

/** New or established, read from the history part of the note (not the plan's "return in two weeks"); established on a tie. */
export function patientStatus(note: EmNote): { status: 'new' | 'established'; evidence: Span[]; why: string } {
  const history = note.statements.filter((s) => s.role !== 'plan' && s.role !== 'diagnostic');
  const find = (p: string) => {
    for (const s of history) {
      const hit = firstMatch(s.text, [p], s.start);
      if (hit) return hit;
    }
    return undefined;
  };
  const anywhere = (p: string) => note.statements.map((s) => firstMatch(s.text, [p], s.start)).find(Boolean);
  const est = [
    ...[...CUES.patientStatus.established, ...CUES.treatingPhysician].map(find),
    ...CUES.patientStatus.establishedAnywhere.map(anywhere),
  ].filter((s): s is Span => s !== undefined);
  const neu = CUES.patientStatus.new.map(find).filter((s): s is Span => s !== undefined);
  if (neu.length > est.length)
    return { status: 'new', evidence: neu, why: `new patient: ${neu.map((s) => `"${s.text}"`).join(', ')}` };
  const taken = est.length === 0 ? firstVisitHistory(note) : undefined;
  if (taken)
    return {
      status: 'new',
      evidence: taken,
      why: `new patient: the whole history is taken (${taken.map((s) => s.text.trim()).join(', ')}) and no earlier visit with the author is mentioned`,
    };
  return {
    status: 'established',
    evidence: est,
    why: est.length
      ? `established patient: ${est.map((s) => `"${s.text}"`).join(', ')}`
      : 'established patient (no words of a first visit)',
  };
}

/** The words just before a stay that make it an earlier one: "recent", "previous" ("prior to admission" is this one). */
const EARLIER_STAY =
  /\b(recent(ly)?|previous(ly)?|past|last|earlier|former|several|multiple)\b[^.,;]{0,20}$|\bprior (?!to\b)[^.,;]{0,20}$/i;

/**
 * Where a consultation took place. A consultation in the office, another outpatient site or the
 * emergency department is reported with the outpatient codes, one for an admitted or observation
 * patient with the inpatient codes (CPT 2023). Words of an inpatient stay (admitted, intensive
 * care, the floor) outnumbering words of the office or of a patient being seen in the emergency
 * department now make it inpatient; so does a patient who came through the emergency department
 * when nothing places the consultation in an office or in the emergency department itself.
 */
export function consultPlace(note: EmNote): Setting {
  const text = note.doc.view;
  const count = (ps: string[]) => ps.reduce((n, p) => n + allMatches(text, p).length, 0);
  // A stay the history calls recent or past ("due to a recent admission", "after a recent
  // hospitalization") is an earlier stay: it does not place today's consultation in hospital.
  const now = (s: Span) => !EARLIER_STAY.test(text.slice(Math.max(0, s.start - 30), s.start));
  const told = note.statements.filter((s) => s.role !== 'plan' && s.kind !== 'plan' && s.kind !== 'diagnostic');
  // "Post-operative" in the plan is the aftermath of an operation still to come (a consultation
  // before elective surgery); told in the history or examination it is the stay the patient is in.
  const afterOperation = told.reduce(
    (n, s) =>
      n + CUES.consultPlace.inpatientTold.reduce((m, p) => m + allMatches(s.text, p, s.start).filter(now).length, 0),
    0,
  );
  const inpatient =
    afterOperation + CUES.consultPlace.inpatient.reduce((n, p) => n + allMatches(text, p).filter(now).length, 0);
  // Sending the patient home from this visit (outpatient words) says the patient was not admitted.
  const outpatient = count(CUES.consultPlace.outpatient);
  if (inpatient > outpatient) return 'hospital';
  // The patient came through the emergency department only when the history says so: the plan's
  // advice to go there if symptoms worsen is no place of this consultation.
  const viaEmergency = told.some((s) => CUES.consultPlace.viaEmergency.some((p) => allMatches(s.text, p).length));
  return outpatient === 0 && viaEmergency ? 'hospital' : 'office';
}

/**
 * A patient is new when the physician (or one of the same specialty in the group) has not seen
 * them in the last three years (CPT E/M guidelines). A note cannot prove that, but a coder reads
 * the whole history written out from scratch (past medical, family and social history and a
 * review of systems; three of the four are enough), with no word of an earlier visit with the
 * author, as a first visit; a follow-up note says the history was "reviewed" or is "unchanged" instead.
 */
function firstVisitHistory(note: EmNote): Span[] | undefined {
  const { kinds, needs, unchanged } = CUES.patientStatus.firstVisitHistory;
  const text = note.doc.view;
  const found: Span[] = [];
  for (const kind of kinds) {
    const sec = note.doc.sections.find((s) => s.kind === kind && s.heading);
    if (!sec) continue;
    if (firstMatch(text.slice(sec.bodyStart, sec.end), unchanged)) return undefined;
    found.push({ start: sec.start, end: sec.start + sec.heading.length, text: sec.heading });
  }
  return found.length >= needs ? found : undefined;
}
