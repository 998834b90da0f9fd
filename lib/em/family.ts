import cuesData from './data/visit-families.json';
import { allMatches, firstMatch, pattern, type EmNote, type Span } from './note-view';
import { VisitCuesSchema } from './schema';
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
const CUES = VisitCuesSchema.parse(cuesData);

type CueFamily = (typeof CUES.cues)[number]['family'];

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

export type Scores = Map<CueFamily, { score: number; evidence: Span[]; why: string[] }>;

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

function headingText(h: string): string {
  return h.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Each family's cue score over the note, with the words and reasons (before any placing). */
export function familyScores(note: EmNote): Scores {
  const { statements, doc } = note;
  const opening = statements.filter((s) => s.role === 'reason' || s.index < 3);
  const plan = statements.filter((s) => s.role === 'diagnostic' || s.role === 'plan');
  const scores: Scores = new Map();
  const titles = reportTitles(note);
  for (const cue of CUES.cues) {
    let hit: Span | undefined;
    let times = 1;
    if (cue.where === 'heading') {
      // Each distinct heading a cue matches counts, up to three ("TECHNIQUE" and "COMPARISON").
      const seen = new Set<string>();
      for (const sec of doc.sections) {
        const h = headingText(sec.heading);
        if (!h || seen.has(h) || !pattern(cue.pattern).test(h)) continue;
        seen.add(h);
        hit ??= { start: sec.start, end: sec.start + sec.heading.length, text: sec.heading };
      }
      times = Math.min(3, seen.size);
    } else if (cue.where === 'any') {
      hit = firstMatch(doc.view, [cue.pattern]);
    } else if (cue.where === 'title') {
      for (const t of titles) {
        hit = firstMatch(t.text, [cue.pattern], t.start);
        if (hit) break;
      }
    } else {
      // A cue that needs several statements (a plan written as recommendations) counts once they are there.
      let found = 0;
      for (const s of cue.where === 'opening' ? opening : plan) {
        const h = firstMatch(s.text, [cue.pattern], s.start);
        if (!h) continue;
        hit ??= h;
        if (++found >= (cue.atLeast ?? 1)) break;
      }
      if (found < (cue.atLeast ?? 1)) hit = undefined;
    }
    if (!hit) continue;
    const cur = scores.get(cue.family) ?? { score: 0, evidence: [], why: [] };
    cur.score += cue.weight * times;
    cur.evidence.push(hit);
    cur.why.push(cue.why);
    scores.set(cue.family, cur);
  }
  // A record with headings but none of the parts of a visit counts towards a report, beside a
  // report cue (prose without headings says nothing by its form).
  const none = scores.get('none');
  const kinds = new Set(doc.sections.map((sec) => sec.kind));
  if (none && doc.sections.some((sec) => sec.heading) && !CUES.noVisitParts.kinds.some((k) => kinds.has(k))) {
    none.score += CUES.noVisitParts.weight;
    none.why.push(CUES.noVisitParts.why);
  }
  return scores;
}

/**
 * The report's title: the headings and short statements at the top of the note that are not
 * sentences ("MRI LEFT SHOULDER", "Transvaginal ultrasound.", "EPIDIDYMECTOMY"), the reason for
 * the visit aside ("Follow-up of the CT scan" is a visit's reason, and a sentence anyway).
 */
const TITLE_ENDS = new Set(['chief_complaint', 'hpi', 'course', 'pmh', 'ros', 'plan', 'diagnostic']);

function reportTitles(note: EmNote): Span[] {
  const { within, maxWords, sentence } = CUES.title;
  // A title heads the note: it comes before the history, the reason for the visit and the assessment.
  const body = note.doc.sections.find((sec) => TITLE_ENDS.has(sec.kind));
  const end = Math.min(within, body?.start ?? within);
  const short = (t: string) => {
    const words = t.match(/[A-Za-z0-9][\w&/'-]*/g) ?? [];
    return words.length > 0 && words.length <= maxWords && !firstMatch(t, sentence);
  };
  const out: Span[] = [];
  for (const sec of note.doc.sections) {
    if (sec.start < end && sec.heading && short(sec.heading))
      out.push({ start: sec.start, end: sec.start + sec.heading.length, text: sec.heading });
  }
  for (const s of note.statements) {
    if (s.start >= end) break;
    if (s.role !== 'reason' && short(s.text)) out.push({ start: s.start, end: s.end, text: s.text });
  }
  return out;
}

/** Scores each family's cues over the note and picks the family. */
export function detectFamily(note: EmNote, setting?: Setting): FamilyReading {
  const scores = familyScores(note);
  // The author who has been managing the patient is the treating physician, not a consultant.
  const treating = treatingPhysician(note);
  if (treating && scores.has('consult')) scores.delete('consult');
  const reading = decide(note, scores, setting);
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
  // A discharge summary lists the operation done during the stay: its discharge cues decide.
  if (best === 'none' && (scores.get('discharge')?.score ?? 0) >= CUES.minimumScore + 1) best = 'discharge';
  let chosen = best ? scores.get(best)! : { evidence: [] as Span[], why: [] as string[] };
  let family: Family | 'none';
  // A patient already admitted (on the unit, prior to admission) is not an emergency-department
  // visit because the history says the patient came through the emergency room.
  const edOnlyByHistory = best === 'ed' && scores.get('ed')!.score < 4;
  const stay = best && !edOnlyByHistory ? undefined : hospitalStay(note);
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

/** The visit takes place in a nursing facility (its own words reached the minimum score). */
function inFacility(scores: Scores): boolean {
  return (scores.get('nursing')?.score ?? 0) >= CUES.minimumScore;
}

/** A note of a patient already in hospital, with no family cue: the admission (full history) or a later visit. */
function hospitalStay(note: EmNote): { family: Family; evidence: Span[]; why: string } | undefined {
  const text = note.doc.view;
  const hits = CUES.hospitalStay.map((p) => firstMatch(text, [p])).filter((s): s is Span => s !== undefined);
  if (hits.length < CUES.hospitalStayNeeds) return undefined;
  const kinds = new Set(note.doc.sections.map((s) => s.kind));
  const full = CUES.fullHistory.kinds.filter((k) => kinds.has(k)).length >= CUES.fullHistory.needs;
  const words = hits.map((s) => `"${s.text}"`).join(', ');
  return full
    ? {
        family: 'initial',
        evidence: hits,
        why: `a full history and examination of a patient in hospital (${words}): the admission`,
      }
    : { family: 'subsequent', evidence: hits, why: `a patient already in hospital (${words})` };
}

/** Words of the author's own earlier care of this patient, read outside the plan. */
function treatingPhysician(note: EmNote): Span | undefined {
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
  const est = [...CUES.patientStatus.established, ...CUES.treatingPhysician]
    .map(find)
    .filter((s): s is Span => s !== undefined);
  const neu = CUES.patientStatus.new.map(find).filter((s): s is Span => s !== undefined);
  if (neu.length > est.length)
    return { status: 'new', evidence: neu, why: `new patient: ${neu.map((s) => `"${s.text}"`).join(', ')}` };
  return {
    status: 'established',
    evidence: est,
    why: est.length
      ? `established patient: ${est.map((s) => `"${s.text}"`).join(', ')}`
      : 'established patient (no words of a first visit)',
  };
}

/**
 * Where a consultation took place. A consultation in the office, another outpatient site or the
 * emergency department is reported with the outpatient codes, one for an admitted or observation
 * patient with the inpatient codes (CPT 2023). Words of an inpatient stay (admitted, intensive
 * care, the floor) outnumbering words of the office or of a patient being seen in the emergency
 * department now make it inpatient; so does a patient who came through the emergency department
 * when nothing places the consultation in an office or in the emergency department itself.
 */
function consultPlace(note: EmNote): Setting {
  const text = note.doc.view;
  const count = (ps: string[]) => ps.reduce((n, p) => n + allMatches(text, p).length, 0);
  const inpatient = count(CUES.consultPlace.inpatient);
  const outpatient = count(CUES.consultPlace.outpatient);
  if (inpatient > outpatient) return 'hospital';
  return outpatient === 0 && count(CUES.consultPlace.viaEmergency) > 0 ? 'hospital' : 'office';
}
