import { z } from 'zod';
import cuesData from '../data/postoperative-cues.json';
import { feeScheduleOf, feeScheduleRelease } from '../fee-schedule';
import { isIcd, noteDocument, type Rule } from '../rule';
import { REGEX } from '../tables';
import type { NoteDocument } from '../../document/document';
import type { SectionRole } from '../../document/schema';
import { isVisit } from './global-surgery-em';

export const PostoperativeCuesSchema = z.strictObject({
  about: z.string().min(1),
  procedure: REGEX,
  postoperativeDay: z.array(REGEX).min(1),
  postoperativeVisit: z.array(REGEX).min(1),
  future: REGEX,
});
const CUES = PostoperativeCuesSchema.parse(cuesData);
const PROCEDURE = new RegExp(CUES.procedure, 'i');
const FUTURE = new RegExp(CUES.future, 'i');
const POSTOP_DAY = CUES.postoperativeDay.map((s) => new RegExp(s, 'gi'));
const POSTOP_VISIT = CUES.postoperativeVisit.map((s) => new RegExp(s, 'gi'));

/** Sections whose words may date an earlier operation (never family, social, lists, plan or today's procedure). */
const READ: readonly SectionRole[] = ['diagnostic', 'reason', 'narrative', 'history', 'status', 'findings', 'other'];

/** An earlier operation: from the note's words today; from a claim history when the encounter carries one. */
export interface PriorProcedure {
  /** Days from the operation to the date of service (1 = the day before); undefined when not said. */
  daysBefore?: number;
  /** Its CPT/HCPCS code when known: the global period is then read from the fee schedule, not bounded. */
  code?: string;
  /** The words that date it ("3 weeks ago", "02/24/2026", "post-op check"). */
  cue: string;
  /** The statement that holds them (the finding's evidence). */
  text: string;
  start: number;
  end: number;
}

/**
 * Whether a visit falls inside the postoperative period of an earlier operation (Medicare Claims
 * Processing Manual Chapter 12 §40.1; NCCI Policy Manual Chapter I §D): 090 = the 90 days after
 * the day of surgery, 010 = the 10 days after, 000 = none after the day itself. With the code
 * unknown only the bound is known: up to 10 days is inside either period, 11–90 only a major one.
 */
export type PostoperativeWindow = 'inside' | 'inside-if-major' | 'undated' | 'outside';

export function postoperativeWindow(prior: Pick<PriorProcedure, 'daysBefore' | 'code'>): PostoperativeWindow {
  const days = prior.daysBefore;
  if (days === undefined) return 'undated';
  if (days < 1) return 'outside';
  if (prior.code) {
    const period = feeScheduleOf(prior.code)?.globalPeriod;
    return (period === '010' && days <= 10) || (period === '090' && days <= 90) ? 'inside' : 'outside';
  }
  return days <= 10 ? 'inside' : days <= 90 ? 'inside-if-major' : 'outside';
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };
const AMOUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)`;
const SINCE = '(?:ago|after|since|following|status post|s/p|post[- ]?op(?:eratively)?|out from|out of)';
/** "3 weeks ago", "two weeks after/since/status post/out from …". */
const RELATIVE = new RegExp(`\\b${AMOUNT}\\s+${SINCE}\\b`, 'gi');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** 02/24/2026 or 2/24/26 (groups 1–3), 2026-02-24 (4–6), February 24, 2026 (7–9). */
const DATED = new RegExp(
  `\\b(?:(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})|(\\d{4})-(\\d{2})-(\\d{2})|(${MONTHS.join('|')})[a-z]*\\.? (\\d{1,2}),? (\\d{4}))\\b`,
  'gi',
);
const YESTERDAY = /\byesterday\b/gi;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function isoOf(m: RegExpExecArray): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  let y: number, mo: number, d: number;
  if (m[1]) [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3]!.length === 2 ? `20${m[3]}` : m[3])];
  else if (m[4]) [y, mo, d] = [Number(m[4]), Number(m[5]), Number(m[6])];
  else [y, mo, d] = [Number(m[9]), MONTHS.indexOf(m[7]!.slice(0, 3).toLowerCase()) + 1, Number(m[8])];
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.getUTCDate() !== d ? undefined : iso;
}

/** Consultations (99241–99245, 99251–99255) are asked of another physician: never the operating surgeon's own postoperative care. */
const isConsultation = (code: string) => /^992[45][1-5]$/.test(code);

/** Earlier operations the note dates (or calls this a postoperative visit), with the days before the date of service. */
export function priorProceduresInNote(doc: NoteDocument, dateOfService: string): PriorProcedure[] {
  const out: PriorProcedure[] = [];
  for (const st of doc.statements) {
    if (!READ.includes(st.section.role)) continue;
    const text = doc.view.slice(st.start, st.end);
    if (FUTURE.test(text)) continue;
    const whole = doc.text.slice(st.start, st.end);
    const lead = whole.length - whole.trimStart().length;
    const statement = { start: st.start + lead, end: st.start + whole.trimEnd().length, text: whole.trim() };
    const span = (index: number, length: number) => ({ cue: text.slice(index, index + length), ...statement });
    // A time is read as the operation's only with an operation named within 80 characters of it.
    const nearProcedure = (index: number, length: number) =>
      PROCEDURE.test(text.slice(Math.max(0, index - 80), index + length + 80));
    // "Postoperative day #2" dates the statement, not the visit (a discharge summary's course): postoperative, undated.
    let dated = false;
    for (const re of POSTOP_DAY) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push(span(m.index, m[0].length));
        dated = true;
      }
    }
    RELATIVE.lastIndex = 0;
    for (let m = RELATIVE.exec(text); m; m = RELATIVE.exec(text)) {
      if (!nearProcedure(m.index, m[0].length)) continue;
      const amount = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()]!;
      out.push({ daysBefore: amount * UNIT_DAYS[m[2]![0]!.toLowerCase()]!, ...span(m.index, m[0].length) });
      dated = true;
    }
    DATED.lastIndex = 0;
    for (let m = DATED.exec(text); m; m = DATED.exec(text)) {
      const iso = isoOf(m);
      if (!iso || !nearProcedure(m.index, m[0].length)) continue;
      out.push({ daysBefore: daysBetween(iso, dateOfService), ...span(m.index, m[0].length) });
      dated = true;
    }
    YESTERDAY.lastIndex = 0;
    for (let m = YESTERDAY.exec(text); m; m = YESTERDAY.exec(text)) {
      if (!nearProcedure(m.index, m[0].length)) continue;
      out.push({ daysBefore: 1, ...span(m.index, m[0].length) });
      dated = true;
    }
    if (dated || !['reason', 'narrative', 'other'].includes(st.section.role)) continue;
    for (const re of POSTOP_VISIT) {
      re.lastIndex = 0;
      const m = re.exec(text);
      if (m) out.push(span(m.index, m[0].length));
    }
  }
  return out;
}

/** The statement, or 140 characters of it around the dating words. */
function quote(p: PriorProcedure): string {
  if (p.text.length <= 140) return p.text;
  return `…${p.text.slice(Math.max(0, p.text.indexOf(p.cue) - 60)).slice(0, 140)}…`;
}
function when(p: PriorProcedure): string {
  if (p.daysBefore === undefined) return '';
  return `, ${p.daysBefore} day${p.daysBefore === 1 ? '' : 's'} before this date of service`;
}

/**
 * Global surgery across dates (NCCI Policy Manual Chapter I §D; Medicare Claims Processing Manual
 * Chapter 12 §40.1–40.2): an operation's package holds the visits related to recovery from it for
 * 10 (010) or 90 (090) days, complications that need no return to the operating room included, when
 * the same physician — or one of the same group and specialty — operated. A visit in that period is
 * reported only when unrelated to the operation, with 24 (or 57 when it decides a new major
 * operation); another procedure in it carries 58 (staged or planned), 78 (unplanned return to the
 * operating room) or 79 (unrelated). The earlier operation and its date come from the note: the
 * encounter carries no claim history, so the code and therefore the exact period are known only
 * when the note's time is inside 10 days (either period); 11–90 days is said as "if major".
 */
export const rule: Rule = {
  id: 'postoperative-visit-in-global',
  kind: 'conflict',
  title:
    'Visit or procedure inside the postoperative period of an earlier operation the note dates, without 24/57 or 58/78/79',
  source: `NCCI Policy Manual Chapter I §D (postoperative visits in the global package; modifier 24) and §E (58, 78, 79); Medicare Claims Processing Manual Chapter 12 §40.1–40.2; global periods from the ${feeScheduleRelease()}`,
  run(ctx) {
    const { encounter } = ctx;
    const doc = noteDocument(ctx);
    if (!doc) return [];
    const services = encounter.services.filter((s) => !isIcd(s.code));
    if (services.length === 0) return [];
    const priors = priorProceduresInNote(doc, encounter.dateOfService)
      .map((p) => ({ p, window: postoperativeWindow(p) }))
      .filter((x) => x.window !== 'outside')
      .sort((a, b) => (a.p.daysBefore ?? 999) - (b.p.daysBefore ?? 999));
    if (priors.length === 0) return [];
    const out: ReturnType<Rule['run']> = [];
    const dated = priors.filter((x) => x.window !== 'undated');
    for (const line of services) {
      const has = (...ms: string[]) => ms.some((m) => line.modifiers.includes(m));
      if (isVisit(line.code)) {
        if (has('24', '57') || isConsultation(line.code)) continue;
        const { p, window } = priors[0]!;
        const period =
          window === 'inside'
            ? 'inside its postoperative period (10 or 90 days)'
            : window === 'inside-if-major'
              ? 'inside its postoperative period if it was major surgery (090 days)'
              : 'possibly inside its postoperative period (the note gives no date)';
        out.push({
          severity: 'warning',
          message: `${line.code} is reported for a visit after an operation the note records ("${quote(p)}"${when(p)}): ${period}, without modifier 24`,
          rationale:
            'Visits related to recovery from an operation, complications treated without a return to the operating room included, are part of its global package when the same physician or group (same specialty) operated; only a visit for an unrelated problem is reported, with 24.',
          codes: [line.code],
          evidence: [{ start: p.start, end: p.end, text: p.text }],
          action: `If you or your group (same specialty) performed that operation and this visit is for recovery from it, do not bill ${line.code} (report 99024 where postoperative visits are tracked); if it is for an unrelated problem, append 24 to ${line.code}; if it decided a new major operation, 57; if another practice operated, no change.`,
        });
        continue;
      }
      const kind = feeScheduleOf(line.code)?.globalPeriod;
      if (!dated.length || !(kind === '000' || kind === '010' || kind === '090') || has('58', '78', '79')) continue;
      const { p, window } = dated[0]!;
      out.push({
        severity: 'warning',
        message: `${line.code} (${kind}-day global) is reported after an operation the note records ("${quote(p)}"${when(p)}): ${window === 'inside' ? 'inside its postoperative period' : 'inside its postoperative period if it was major surgery'}, without 58, 78 or 79`,
        rationale:
          "A procedure by the same physician or group during another operation's postoperative period says why it is paid apart: staged, planned or more extensive (58), an unplanned return to the operating room for a complication (78), or unrelated (79).",
        codes: [line.code],
        evidence: [{ start: p.start, end: p.end, text: p.text }],
        action: `If you or your group performed that operation, append 58 (staged or planned), 78 (unplanned return to the operating room) or 79 (unrelated) to ${line.code}, as the record shows; if another practice operated, no change.`,
      });
    }
    return out;
  },
};
