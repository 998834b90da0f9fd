import { reportsCriticalCare } from './critical-care';
import {
  consultPlace,
  hospitalStay,
  inFacility,
  patientStatus,
  placeByWords,
  toldInUrgentCare,
  treatingPhysician,
} from './family-place';
import { CUES, familyScores, type CueFamily, type Scores } from './family-scores';
import { firstMatch, type EmNote, type Span } from './note-view';
import type { Family } from '../domain/visit-family';
import type { Setting } from '../domain/setting';

/*
 * Which E/M family a note belongs to, read from its headings and words (data/visit-families.json):
 * a discharge summary, an admission history and physical, a progress note, an emergency-department
 * record, a consultation (then placed: office or hospital), a preventive visit, an eye examination,
 * a disability examination, or an office visit (then new or established). An operative or procedure
 * note, a test, pathology or autopsy report or a delivery note gets no family: no E/M is reported
 * from it (read from its headings, its title at the top, and a record with none of a visit's parts).
 */
export { familyScores, type Scores } from './family-scores';
export { patientStatus } from './family-place';

/** When scores tie, the more specific document type wins. */
const PRIORITY: CueFamily[] = [
  'same-day',
  'critical-care',
  'discharge',
  'none',
  'consult',
  'nursing',
  'home',
  'initial',
  'ed',
  'subsequent',
  'preventive',
  'disability',
  'eye',
];

/** The family with the highest score that reaches its minimum (ties: PRIORITY order). */
function pick(scores: Scores): CueFamily | undefined {
  let best: CueFamily | undefined;
  for (const f of PRIORITY) {
    const s = scores.get(f);
    const min = f === 'none' ? CUES.noneMinimumScore : CUES.minimumScore;
    if (s && s.score >= min && (!best || s.score > scores.get(best)!.score)) best = f;
  }
  return best;
}

export interface FamilyReading {
  /** The family, or 'none' when the note is not an E/M visit (an operative, procedure or test report). */
  family: Family | 'none';
  /** For office-type families: new or established, with the words that say so. */
  status?: 'new' | 'established';
  /** The words that decided it. */
  evidence: Span[];
  /** Why, in a sentence per cue. */
  why: string[];
  /** True when the cues reached the minimum score (false: the setting's default). */
  confident: boolean;
  /**
   * For critical care: the family to level in when the documented critical-care time is under 30
   * minutes or missing (the hospital or emergency-department visit the note otherwise reads as).
   */
  fallback?: Family;
}

/** Scores each family's cues over the note and picks the family. */
export function detectFamily(note: EmNote, setting?: Setting): FamilyReading {
  const scores = familyScores(note);
  // The author who has been managing the patient is the treating physician, not a consultant.
  const treating = treatingPhysician(note);
  if (treating && scores.has('consult')) scores.delete('consult');
  let reading = decide(note, scores, setting);
  // Critical care is reported by its documented time, whatever kind of record it is written in.
  const care = reading.family === 'none' ? undefined : reportsCriticalCare(note.doc.view);
  if (care && reading.family !== 'critical-care')
    reading = {
      family: 'critical-care',
      evidence: [care.evidence],
      why: [`${care.minutes} minutes of critical care documented: critical care is reported by its time`],
      confident: true,
    };
  if (reading.family === 'critical-care') {
    // Under 30 minutes of critical care the visit is reported as what the note otherwise reads as.
    const rest: Scores = new Map([...scores].filter(([f]) => f !== 'critical-care'));
    const other = decide(note, rest, 'hospital').family;
    reading.fallback = other === 'none' || other === 'critical-care' ? 'subsequent' : other;
  }
  return reading;
}

/** The family the scores point to, placed (consultation, nursing facility, home) and with the patient's status. */
function decide(note: EmNote, scores: Scores, setting?: Setting): FamilyReading {
  let best = pick(scores);
  // Admitted and discharged on the same date: the same-day family, whatever else the summary says.
  if (scores.has('same-day') && (best === 'discharge' || best === 'initial')) best = 'same-day';
  // A discharge or same-day stay read from few words ("discharged in the care of his mother",
  // discharge medications) in a note the history places in an urgent care or walk-in clinic is
  // that outpatient visit's disposition, not the end of a hospital stay.
  if ((best === 'discharge' || best === 'same-day') && scores.get(best)!.score < 4 && toldInUrgentCare(note))
    best = undefined;
  // A discharge summary lists the operation done during the stay: its discharge cues decide.
  if (best === 'none' && (scores.get('discharge')?.score ?? 0) >= CUES.minimumScore + 1) best = 'discharge';
  let chosen = best ? scores.get(best)! : { evidence: [] as Span[], why: [] as string[] };
  let family: Family | 'none';
  // A patient already admitted (on the unit, prior to admission) is not an emergency-department
  // visit because the history says the patient came through the emergency room.
  const edOnlyByHistory = best === 'ed' && scores.get('ed')!.score < 4;
  const unplaced = !best || edOnlyByHistory;
  // Unplaced by the cues: the author admitting the patient makes it the admission, before the
  // words of a stay; the emergency department's words come after them.
  const byWords = unplaced ? placeByWords(note) : undefined;
  const stay = byWords?.family === 'initial' ? byWords : unplaced ? (hospitalStay(note) ?? byWords) : undefined;
  if (stay) {
    family = stay.family;
    chosen = { evidence: stay.evidence, why: [stay.why] };
  } else if (!best) family = setting === 'hospital' ? 'subsequent' : 'established';
  else if (best === 'consult')
    family = inFacility(scores) || consultPlace(note) === 'hospital' ? 'inpatient-consult' : 'office-consult';
  else if (best === 'home') family = 'home-established';
  else family = best === 'nursing' ? 'nursing-subsequent' : best;
  // In a nursing facility, the admission, the later visits and the discharge have their own codes.
  if (
    inFacility(scores) &&
    (family === 'initial' || family === 'subsequent' || family === 'discharge' || family === 'nursing-subsequent')
  ) {
    const admitted = firstMatch(note.doc.view, CUES.nursingAdmission);
    family =
      family === 'discharge'
        ? 'nursing-discharge'
        : family === 'initial' || admitted
          ? 'nursing-initial'
          : 'nursing-subsequent';
    const place = scores.get('nursing')!;
    chosen = {
      evidence: [...place.evidence, ...(admitted ? [admitted] : [])],
      why: [...place.why, ...chosen.why.filter((w) => !place.why.includes(w))],
    };
    if (admitted) chosen.why.push(`the facility stay begins ("${admitted.text}")`);
  }
  const reading: FamilyReading = {
    family,
    evidence: chosen.evidence,
    why: chosen.why,
    confident: best !== undefined || stay !== undefined,
  };
  if (
    family === 'established' ||
    family === 'new' ||
    family === 'preventive' ||
    family === 'eye' ||
    family === 'home-established'
  ) {
    const st = patientStatus(note);
    reading.status = st.status;
    if (family === 'established' || family === 'new') reading.family = st.status;
    if (family === 'home-established') reading.family = st.status === 'new' ? 'home-new' : 'home-established';
    reading.evidence = [...reading.evidence, ...st.evidence];
    reading.why = [...reading.why, st.why];
  }
  return reading;
}
