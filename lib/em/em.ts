import { z } from 'zod';
import emData from './data/em-rules.json';

/*
 * E/M level from total time on the date of the encounter or from medical decision making (MDM),
 * whichever supports the higher level (2021 office/outpatient rules; 2023 for hospital care).
 * MDM level = the highest level that at least two of its three elements (problems, data, risk)
 * reach. Tables in data/em-rules.json; labels in our own words.
 */
const Level = z.object({ code: z.string(), minutes: z.number().int().positive(), mdm: z.enum(['straightforward', 'low', 'moderate', 'high']) }).strict();
const Cue = z.object({ level: z.enum(['straightforward', 'low', 'moderate', 'high']), phrases: z.array(z.string()) }).strict();
const EmSchema = z
  .object({
    about: z.string(),
    office: z.object({ new: z.array(Level), established: z.array(Level), prolonged: z.object({ cpt: z.string(), medicare: z.string(), every: z.number(), cptStartsAfterTop: z.number(), medicareStartsAt: z.object({ new: z.number(), established: z.number() }).strict() }).strict() }).strict(),
    hospital: z
      .object({
        initial: z.array(Level),
        subsequent: z.array(Level),
        sameDay: z.array(Level),
        discharge: z.object({ lowCode: z.string(), highCode: z.string(), moreThanMinutes: z.number() }).strict(),
      })
      .strict(),
    labels: z.record(z.string(), z.string()),
    mdm_cues: z.object({ problems: z.array(Cue), data: z.array(Cue), risk: z.array(Cue) }).strict(),
  })
  .strict();
const EM = EmSchema.parse(emData);

export type MdmLevel = 'straightforward' | 'low' | 'moderate' | 'high';
export const MDM_ORDER: MdmLevel[] = ['straightforward', 'low', 'moderate', 'high'];
export type VisitKind = 'new' | 'established' | 'initial' | 'subsequent' | 'same-day' | 'discharge';

function table(kind: VisitKind) {
  const d = EM.hospital.discharge;
  // Discharge day management is by time only: 30 minutes or less, or more than 30.
  if (kind === 'discharge') return [{ code: d.lowCode, minutes: 1, mdm: 'straightforward' as const }, { code: d.highCode, minutes: d.moreThanMinutes + 1, mdm: 'high' as const }];
  return kind === 'new' ? EM.office.new : kind === 'established' ? EM.office.established : kind === 'initial' ? EM.hospital.initial : kind === 'same-day' ? EM.hospital.sameDay : EM.hospital.subsequent;
}

export function emLabel(code: string): string {
  return EM.labels[code] ?? code;
}

/** MDM: 2 of 3 elements. */
export function mdmLevel(problems: MdmLevel, data: MdmLevel, risk: MdmLevel): MdmLevel {
  const ranks = [problems, data, risk].map((l) => MDM_ORDER.indexOf(l)).sort((a, b) => b - a);
  return MDM_ORDER[ranks[1]!]!;
}

export function levelByTime(kind: VisitKind, minutes: number): string | undefined {
  let best: string | undefined;
  for (const l of table(kind)) if (minutes >= l.minutes) best = l.code;
  return best;
}

export function levelByMdm(kind: VisitKind, mdm: MdmLevel): string | undefined {
  if (kind === 'discharge') return undefined;
  let best: string | undefined;
  for (const l of table(kind)) if (MDM_ORDER.indexOf(mdm) >= MDM_ORDER.indexOf(l.mdm)) best = l.code;
  return best;
}

/** Prolonged office service: CPT +99417 per full 15 minutes beyond the level-5 minimum; Medicare G2212 from 89 (new) / 69 (established) minutes. */
export function prolonged(kind: VisitKind, minutes: number): { cpt: number; medicare: number } {
  if (kind !== 'new' && kind !== 'established') return { cpt: 0, medicare: 0 };
  const top = table(kind).at(-1)!.minutes;
  const p = EM.office.prolonged;
  const cpt = minutes >= top + p.cptStartsAfterTop ? Math.floor((minutes - top) / p.every) : 0;
  const start = p.medicareStartsAt[kind];
  const medicare = minutes >= start ? 1 + Math.floor((minutes - start) / p.every) : 0;
  return { cpt, medicare };
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Total-time statements: "spent 42 minutes", "total time 35 min", "35 minutes were spent". The largest wins. */
export function findTotalTime(note: string): { minutes: number; evidence: Span } | undefined {
  const re = /\b(?:total\s+time(?:\s+(?:spent|of|was|on\s+the\s+date\s+of\s+(?:the\s+)?(?:encounter|visit|service)))*[:\s]+(?:was\s+)?(\d{1,3})\s*(?:minutes|mins?)\b|spent\s+(?:a\s+total\s+of\s+)?(\d{1,3})\s*(?:minutes|mins?)\b|(\d{1,3})\s*(?:minutes|mins?)\s+(?:of\s+total\s+time|were\s+spent|total))/gi;
  let best: { minutes: number; evidence: Span } | undefined;
  for (const m of note.matchAll(re)) {
    const minutes = Number(m[1] ?? m[2] ?? m[3]);
    if (!best || minutes > best.minutes) best = { minutes, evidence: { start: m.index!, end: m.index! + m[0].length, text: m[0] } };
  }
  return best;
}

function cueLevel(note: string, cues: z.infer<typeof Cue>[]): { level: MdmLevel; evidence: Span[] } {
  const lower = note.toLowerCase();
  for (const c of cues) {
    const evidence: Span[] = [];
    for (const p of c.phrases) {
      const re = new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
      for (const m of lower.matchAll(re)) evidence.push({ start: m.index!, end: m.index! + m[0].length, text: note.slice(m.index!, m.index! + m[0].length) });
    }
    if (evidence.length) return { level: c.level, evidence: evidence.slice(0, 5) };
  }
  return { level: 'straightforward', evidence: [] };
}

export interface EmResult {
  kind: VisitKind;
  timeMinutes?: number;
  timeEvidence?: Span;
  byTime?: string;
  mdm: { problems: MdmLevel; data: MdmLevel; risk: MdmLevel; level: MdmLevel; evidence: Record<'problems' | 'data' | 'risk', Span[]> };
  byMdm?: string;
  code?: string;
  label?: string;
  basis: 'time' | 'mdm' | 'none';
  prolonged: { cpt: number; medicare: number };
  /** What would support the next level up. */
  nextLevel?: string;
}

export function levelEncounter(note: string, kind: VisitKind): EmResult {
  const t = findTotalTime(note);
  const p = cueLevel(note, EM.mdm_cues.problems);
  const d = cueLevel(note, EM.mdm_cues.data);
  const r = cueLevel(note, EM.mdm_cues.risk);
  const mdm = mdmLevel(p.level, d.level, r.level);
  const byTime = t ? levelByTime(kind, t.minutes) : undefined;
  const byMdm = levelByMdm(kind, mdm);
  const rank = (c?: string) => (c ? table(kind).findIndex((l) => l.code === c) : -1);
  const code = rank(byTime) >= rank(byMdm) ? byTime : byMdm;
  const basis = code === undefined ? 'none' : code === byTime && rank(byTime) >= rank(byMdm) ? 'time' : 'mdm';
  const idx = rank(code);
  const next = table(kind)[idx + 1];
  const nextLevel = next
    ? `${next.code} needs ${next.minutes} minutes of total time documented, or ${next.mdm} MDM (two of: problems, data, risk at ${next.mdm}; now problems ${p.level}, data ${d.level}, risk ${r.level})`
    : undefined;
  return {
    kind,
    ...(t ? { timeMinutes: t.minutes, timeEvidence: t.evidence } : {}),
    ...(byTime ? { byTime } : {}),
    mdm: { problems: p.level, data: d.level, risk: r.level, level: mdm, evidence: { problems: p.evidence, data: d.evidence, risk: r.evidence } },
    ...(byMdm ? { byMdm } : {}),
    ...(code ? { code, label: emLabel(code) } : {}),
    basis,
    prolonged: t ? prolonged(kind, t.minutes) : { cpt: 0, medicare: 0 },
    ...(nextLevel ? { nextLevel } : {}),
  };
}
