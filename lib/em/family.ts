import cuesData from './data/visit-families.json';
import { allMatches, firstMatch, pattern, type EmNote, type Span } from './note-view';
import { VisitCuesSchema, type Family } from './schema';

/*
 * Which E/M family a note belongs to, read from its headings and words (data/visit-families.json):
 * a discharge summary, an admission history and physical, a progress note, an emergency-department
 * record, a consultation (then placed: office or hospital), a preventive visit, an eye examination,
 * a disability examination, or an office visit (then new or established). An operative or procedure
 * note gets no family: no E/M is reported from it.
 */
const CUES = VisitCuesSchema.parse(cuesData);

type CueFamily = (typeof CUES.cues)[number]['family'];

/** When scores tie, the more specific document type wins. */
const PRIORITY: CueFamily[] = ['same-day', 'discharge', 'none', 'consult', 'initial', 'ed', 'subsequent', 'preventive', 'disability', 'eye'];

export interface FamilyReading {
  /** The family, or 'none' when the note is not an E/M visit (operative or procedure note). */
  family: Family | 'none';
  /** For office-type families: new or established, with the words that say so. */
  status?: 'new' | 'established';
  /** The words that decided it. */
  evidence: Span[];
  /** Why, in a sentence per cue. */
  why: string[];
  /** True when the cues reached the minimum score (false: the setting's default). */
  confident: boolean;
}

function headingText(h: string): string {
  return h.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Scores each family's cues over the note and picks the family. */
export function detectFamily(note: EmNote, setting?: 'office' | 'hospital'): FamilyReading {
  const { statements, doc } = note;
  const opening = statements.filter((s) => s.role === 'reason' || s.index < 3);
  const plan = statements.filter((s) => s.role === 'diagnostic' || s.role === 'plan');
  const scores = new Map<CueFamily, { score: number; evidence: Span[]; why: string[] }>();
  for (const cue of CUES.cues) {
    let hit: Span | undefined;
    if (cue.where === 'heading') {
      for (const sec of doc.sections) {
        if (!sec.heading) continue;
        if (pattern(cue.pattern).test(headingText(sec.heading))) {
          hit = { start: sec.start, end: sec.start + sec.heading.length, text: sec.heading };
          break;
        }
      }
    } else if (cue.where === 'any') {
      hit = firstMatch(doc.view, [cue.pattern]);
    } else {
      for (const s of cue.where === 'opening' ? opening : plan) {
        hit = firstMatch(s.text, [cue.pattern], s.start);
        if (hit) break;
      }
    }
    if (!hit) continue;
    const cur = scores.get(cue.family) ?? { score: 0, evidence: [], why: [] };
    cur.score += cue.weight;
    cur.evidence.push(hit);
    cur.why.push(cue.why);
    scores.set(cue.family, cur);
  }
  let best: CueFamily | undefined;
  for (const f of PRIORITY) {
    const s = scores.get(f);
    if (s && s.score >= CUES.minimumScore && (!best || s.score > scores.get(best)!.score)) best = f;
  }
  // A discharge summary lists the operation done during the stay: its discharge cues decide.
  if (best === 'none' && (scores.get('discharge')?.score ?? 0) >= CUES.minimumScore + 1) best = 'discharge';
  const chosen = best ? scores.get(best)! : { evidence: [], why: [] };
  let family: Family | 'none';
  if (!best) family = setting === 'hospital' ? 'subsequent' : 'established';
  else if (best === 'consult') family = consultPlace(note) === 'hospital' ? 'inpatient-consult' : 'office-consult';
  else family = best;
  const reading: FamilyReading = { family, evidence: chosen.evidence, why: chosen.why, confident: best !== undefined };
  if (family === 'established' || family === 'new' || family === 'preventive' || family === 'eye') {
    const st = patientStatus(note);
    reading.status = st.status;
    if (family === 'established' || family === 'new') reading.family = st.status;
    reading.evidence = [...reading.evidence, ...st.evidence];
    reading.why = [...reading.why, st.why];
  }
  return reading;
}

/** New or established: distinct words of each kind, established on a tie (the commoner case). */
export function patientStatus(note: EmNote): { status: 'new' | 'established'; evidence: Span[]; why: string } {
  const text = note.doc.view;
  const est = CUES.patientStatus.established.map((p) => firstMatch(text, [p])).filter((s): s is Span => s !== undefined);
  const neu = CUES.patientStatus.new.map((p) => firstMatch(text, [p])).filter((s): s is Span => s !== undefined);
  if (neu.length > est.length) return { status: 'new', evidence: neu, why: `new patient: ${neu.map((s) => `"${s.text}"`).join(', ')}` };
  return {
    status: 'established',
    evidence: est,
    why: est.length ? `established patient: ${est.map((s) => `"${s.text}"`).join(', ')}` : 'established patient (no words of a first visit)',
  };
}

/** Where a consultation took place: words of a hospital stay against words of an office; hospital on a tie. */
function consultPlace(note: EmNote): 'hospital' | 'office' {
  const text = note.doc.view;
  const count = (ps: string[]) => ps.reduce((n, p) => n + allMatches(text, p).length, 0);
  return count(CUES.consultPlace.office) > count(CUES.consultPlace.hospital) ? 'office' : 'hospital';
}
