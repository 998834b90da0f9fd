import { rule as emNotSupported } from '../checks/rules/em-level-not-supported';
import { EncounterSchema } from '../checks/schema';
import { familyOfCode, levelEncounter, type EmResult } from '../em/em';
import type { CodePack } from '../pack/code-pack';
import type { VisitCase } from './visit-coded';

/**
 * E/M scores on the visit-coded dev set: each note is levelled with the family detected from the
 * note (no hint from the case), then compared with the coder's level and its acceptable
 * alternatives. The `em-level-not-supported` rule is run with the coder's level as the billed code:
 * any finding there is a false alarm.
 */
export interface EmNoteResult {
  noteId: string;
  gold: string;
  acceptable: string[];
  code?: string;
  /** The family the tool put the note in (of its code, else the detected one). */
  family: string;
  exact: boolean;
  withinOne: boolean;
  familyOk: boolean;
  falseAlarm: boolean;
  mdm?: string;
}

export interface EmScores {
  /** Notes with a coder's E/M level. */
  notes: number;
  /** Tool code = the coder's or an acceptable one. */
  exact: number;
  /** Exact, or the same family and at most one level away from the coder's or an acceptable code. */
  withinOne: number;
  /** The tool's family is the family of the coder's or an acceptable code. */
  family: number;
  /** Share of notes where em-level-not-supported fires on the coder's own level. */
  falseAlarms: number;
  falseAlarmCount: number;
  /** Notes the coders gave no E/M (operative, non-physician, global-period) and the tool gave a level. */
  noEmNotes: number;
  noEmLevelled: number;
  /** Tool code = the coder's own code (not an acceptable alternative). */
  goldCode: number;
  /** Per family of the coder's code: notes, family right, exact or acceptable. */
  byFamily: Record<string, { notes: number; family: number; exact: number }>;
  /** gold code -> tool code -> count (tool "none" when no level). */
  confusion: Record<string, Record<string, number>>;
}

export function scoreEmNote(c: VisitCase, r: EmResult, falseAlarm: boolean): EmNoteResult | undefined {
  if (!c.em) return undefined;
  const acceptable = [c.em.code, ...(c.em.also_acceptable ?? [])];
  const tool = r.code ? familyOfCode(r.code) : undefined;
  const family = tool?.family ?? (r.nothingToLevel && r.detected.family === 'none' ? 'none' : r.kind);
  const exact = r.code !== undefined && acceptable.includes(r.code);
  const withinOne =
    exact ||
    (tool !== undefined &&
      acceptable.some((a) => {
        const g = familyOfCode(a);
        return g !== undefined && g.family === tool.family && Math.abs(g.rank - tool.rank) <= 1;
      }));
  const familyOk = acceptable.some((a) => familyOfCode(a)?.family === family);
  return {
    noteId: c.note_id,
    gold: c.em.code,
    acceptable,
    ...(r.code ? { code: r.code } : {}),
    family,
    exact,
    withinOne,
    familyOk,
    falseAlarm,
    mdm: `${r.mdm.problems}/${r.mdm.data}/${r.mdm.risk}`,
  };
}

/** Levels every note, runs em-level-not-supported with the coder's level billed, and scores. */
export function runVisitEm(
  docs: { c: VisitCase; text: string }[],
  pack: CodePack,
): { scores: EmScores; notes: EmNoteResult[] } {
  const notes: EmNoteResult[] = [];
  const confusion: EmScores['confusion'] = {};
  let noEmNotes = 0;
  let noEmLevelled = 0;
  for (const { c, text } of docs) {
    const r = levelEncounter(text);
    if (!c.em) {
      noEmNotes++;
      if (r.code) noEmLevelled++;
      continue;
    }
    const encounter = EncounterSchema.parse({
      dateOfService: '2026-01-02',
      setting:
        familyOfCode(c.em.code)?.family === 'new' || familyOfCode(c.em.code)?.family === 'established'
          ? 'office'
          : 'hospital',
      diagnoses: [],
      services: [{ code: c.em.code, line: 1 }],
      note: text,
    });
    const alarm = emNotSupported.run({ encounter, pack }).length > 0;
    const n = scoreEmNote(c, r, alarm)!;
    notes.push(n);
    const row = (confusion[n.gold] ??= {});
    row[n.code ?? 'none'] = (row[n.code ?? 'none'] ?? 0) + 1;
  }
  const k = Math.max(1, notes.length);
  const count = (f: (n: EmNoteResult) => boolean) => notes.filter(f).length;
  const falseAlarmCount = count((n) => n.falseAlarm);
  const byFamily: EmScores['byFamily'] = {};
  for (const n of notes) {
    const f = (byFamily[familyOfCode(n.gold)?.family ?? 'other'] ??= { notes: 0, family: 0, exact: 0 });
    f.notes++;
    f.family += Number(n.familyOk);
    f.exact += Number(n.exact);
  }
  return {
    scores: {
      notes: notes.length,
      exact: count((n) => n.exact) / k,
      withinOne: count((n) => n.withinOne) / k,
      family: count((n) => n.familyOk) / k,
      falseAlarms: falseAlarmCount / k,
      falseAlarmCount,
      noEmNotes,
      noEmLevelled,
      goldCode: count((n) => n.code === n.gold) / k,
      byFamily,
      confusion,
    },
    notes,
  };
}

/** The E/M block of the eval's text output. */
export function emScoresText(s: EmScores): string[] {
  const f = (x: number) => x.toFixed(3);
  const off = Object.entries(s.confusion)
    .flatMap(([gold, row]) =>
      Object.entries(row)
        .filter(([tool]) => tool !== gold)
        .map(([tool, n]) => `${gold}->${tool} x${n}`),
    )
    .sort();
  return [
    '',
    `E/M on ${s.notes} notes with a coder's level (family detected from the note):`,
    `  exact or acceptable ${f(s.exact)} · within one level ${f(s.withinOne)} · family right ${f(s.family)} · em-level-not-supported false alarms ${f(s.falseAlarms)} (${s.falseAlarmCount})`,
    `  the coder's own code (not an acceptable alternative) ${f(s.goldCode)}`,
    `  by the coder's family (family right / exact or acceptable / notes): ${Object.entries(s.byFamily)
      .sort((a, b) => b[1].notes - a[1].notes)
      .map(([fam, v]) => `${fam} ${v.family}/${v.exact}/${v.notes}`)
      .join(' · ')}`,
    `  notes the coders gave no E/M, levelled anyway: ${s.noEmLevelled} of ${s.noEmNotes}`,
    `  confusion (coder -> tool, where they differ): ${off.join(', ') || 'none'}`,
  ];
}
