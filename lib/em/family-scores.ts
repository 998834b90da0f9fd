import cuesData from './data/visit-families.json';
import { firstMatch, pattern, type EmNote, type Span } from './note-view';
import { VisitCuesSchema } from './schema-visit';

/*
 * Each visit family's score over a note, from the cues of data/visit-families.json: headings, the
 * report's title at the top, words anywhere, in the opening or in the assessment and plan.
 */
export const CUES = VisitCuesSchema.parse(cuesData);

export type CueFamily = (typeof CUES.cues)[number]['family'];

export type Scores = Map<CueFamily, { score: number; evidence: Span[]; why: string[] }>;

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
