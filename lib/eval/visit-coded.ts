import { z } from 'zod';

/**
 * Visit notes hand-coded for the professional claim (the `visit-coded` dev set): the case schema
 * and its scoring, as the set's README defines it. Only the fields the scoring reads are
 * required; the rest of a case (rationale, caveat, second coder …) passes through unread.
 */
const TrapSchema = z.object({ text: z.string(), would_be: z.string(), why: z.string() });
export const VisitCaseSchema = z.object({
  note_id: z.string(),
  sha1_of_transcription: z.string(),
  visit: z.string(),
  codes: z.array(z.string()),
  also_acceptable: z.record(z.string(), z.array(z.string())),
  first_listed_also_acceptable: z.array(z.string()),
  optional: z.array(z.string()),
  not_coded: z.array(TrapSchema),
  em: z.object({ code: z.string(), also_acceptable: z.array(z.string()).optional() }).nullable(),
});
export type VisitCase = z.infer<typeof VisitCaseSchema>;
export const VisitCasesSchema = z.object({ cases: z.array(VisitCaseSchema) });

export interface VisitScores {
  notes: number;
  goldCodes: number;
  /** Gold codes found in the top 10 (a substitute counts) / all gold codes. */
  recallAt10: number;
  /** Notes whose first-listed code (or a substitute or an accepted first-listed code) is at rank 1 / in the top 3. */
  firstListedAt1: number;
  firstListedAt3: number;
  /** Shown codes that are gold, a substitute, first-listed-acceptable or optional / all shown codes. */
  precisionShown: number;
  meanShown: number;
  /** Traps whose would-be code (prefix) is shown / traps scored. */
  trapsCoded: number;
  trapsScored: number;
}

export interface VisitNoteResult {
  noteId: string;
  missed: string[];
  wrong: string[];
  traps: string[];
  firstAt: number | undefined;
}

/** The would-be codes of a trap: "F10.10 / F10.20" -> both; free text (no code shape) -> none. */
function trapCodes(wouldBe: string): string[] {
  return wouldBe
    .split(/[\s/,;]+/)
    .map((s) => s.replace(/[^A-Z0-9.]/gi, '').toUpperCase())
    .filter((s) => /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{0,4})?$/.test(s))
    .map((s) => s.replace(/\.$/, ''));
}

function acceptableFor(c: VisitCase, gold: string): Set<string> {
  return new Set([gold, ...(c.also_acceptable[gold] ?? [])]);
}

/** Scores one note's shown diagnosis list (rank order); the first 10 count for recall. */
export function scoreVisitNote(
  c: VisitCase,
  shown: string[],
): VisitNoteResult & { hits10: number; shownOk: number; trapsScored: number } {
  const list = [...new Set(shown)];
  const top10 = new Set(list.slice(0, 10));
  const missed = c.codes.filter((g) => ![...acceptableFor(c, g)].some((a) => top10.has(a)));
  const ok = new Set([
    ...c.codes.flatMap((g) => [...acceptableFor(c, g)]),
    ...c.first_listed_also_acceptable,
    ...c.optional,
  ]);
  const wrong = list.filter((s) => !ok.has(s));
  const first = new Set([...acceptableFor(c, c.codes[0] ?? ''), ...c.first_listed_also_acceptable]);
  const idx = list.findIndex((s) => first.has(s));
  const traps: string[] = [];
  let trapsScored = 0;
  for (const t of c.not_coded) {
    const codes = trapCodes(t.would_be);
    // A trap whose would-be code is itself acceptable for the note cannot be scored.
    if (codes.length === 0 || codes.some((x) => ok.has(x))) continue;
    trapsScored++;
    if (list.some((s) => codes.some((x) => s.startsWith(x)))) traps.push(`${t.would_be} ("${t.text.slice(0, 60)}")`);
  }
  return {
    noteId: c.note_id,
    missed,
    wrong,
    traps,
    firstAt: idx < 0 ? undefined : idx + 1,
    hits10: c.codes.length - missed.length,
    shownOk: list.length - wrong.length,
    trapsScored,
  };
}

export function scoreVisitRun(
  cases: VisitCase[],
  shownLists: string[][],
): { scores: VisitScores; notes: VisitNoteResult[] } {
  let gold = 0;
  let hits = 0;
  let at1 = 0;
  let at3 = 0;
  let shown = 0;
  let shownOk = 0;
  let traps = 0;
  let trapsScored = 0;
  const notes = cases.map((c, i) => {
    const r = scoreVisitNote(c, shownLists[i] ?? []);
    gold += c.codes.length;
    hits += r.hits10;
    if (r.firstAt === 1) at1++;
    if (r.firstAt !== undefined && r.firstAt <= 3) at3++;
    shown += r.wrong.length + r.shownOk;
    shownOk += r.shownOk;
    traps += r.traps.length;
    trapsScored += r.trapsScored;
    return { noteId: r.noteId, missed: r.missed, wrong: r.wrong, traps: r.traps, firstAt: r.firstAt };
  });
  const n = Math.max(1, cases.length);
  return {
    scores: {
      notes: cases.length,
      goldCodes: gold,
      recallAt10: gold ? hits / gold : 0,
      firstListedAt1: at1 / n,
      firstListedAt3: at3 / n,
      precisionShown: shown ? shownOk / shown : 0,
      meanShown: shown / n,
      trapsCoded: trapsScored ? traps / trapsScored : 0,
      trapsScored,
    },
    notes,
  };
}
