import { checkEncounter } from '../checks/engine';
import { parseCodeList } from '../claim/parse-code-list';
import type { Finding } from '../checks/schema';
import type { CodePack } from '../pack/code-pack';
import type { NoteAnalyzer } from '../suggest/analyze';
import type { Analysis } from '../suggest/schema';
import { hccOfDiagnoses, type BilledHcc } from './hcc';
import type { Setting } from '../domain/setting';

/**
 * Compliance spot-audit of one chart: the codes that were billed against what the note supports.
 * - unsupported: a billed diagnosis with no mention in the note (neither it, its category, nor a
 *   more or less specific code of the same category among the suggestions/alternatives);
 * - missed: a suggestion stated in the assessment / chief complaint, or supported strongly anywhere,
 *   that was not billed (nor a code of its category);
 * - conflicts and documentation gaps: the checks engine on the billed codes with the note.
 * Score: 100 minus weighted problems, floored at 0 — a triage number for reviewers, not a grade.
 */
export interface SpotAuditResult {
  chartId: string;
  billed: string[];
  supported: string[];
  unsupported: string[];
  missed: { code: string; description: string; evidence: string; score: number }[];
  findings: Finding[];
  score: number;
  analysisMs: number;
  /** CMS-HCC V28 categories of the billed diagnoses (empty without a mapping in the pack). */
  hcc: BilledHcc[];
  /** The ICD-10-CM release the chart was read with (the one in force on its date of service). */
  icdRelease?: string;
}

export const WEIGHTS = { unsupported: 20, missed: 8, error: 10, warning: 4 } as const;
/** A suggestion counts as "missed" only above this share of the note's top score (strong support). */
export const MISSED_MIN_SHARE = 0.35;
export const MISSED_MAX = 5;
/** Where the provider states what was treated: a present diagnosis there counts as documented whatever its score. */
const STATED_SECTIONS = new Set(['diagnostic', 'chief_complaint']);

const category = (c: string) => c.slice(0, 3);

/**
 * Combination categories the guidelines build from a documented component: hypertension with
 * heart or kidney disease is presumed linked (Guidelines I.C.9.a), so I11-I13 are supported by a
 * documented hypertension (I10 mention) — the checks engine verifies the other component.
 */
const COMBINATION_SUPPORT: Record<string, string[]> = { I11: ['I10'], I12: ['I10'], I13: ['I10'] };

export function spotAudit(
  chartId: string,
  note: string,
  billedList: string,
  pack: CodePack,
  analyzer: NoteAnalyzer,
  opts: { dateOfService: string; setting: Setting; analysis?: Analysis },
): SpotAuditResult {
  const analysis =
    opts.analysis ?? analyzer.analyze(note, { setting: opts.setting, dateOfService: opts.dateOfService });
  const { diagnoses, services, unparsed } = parseCodeList(billedList);
  const billedDx = diagnoses.map((d) => d.code);
  const noted = [...analysis.suggestions, ...analysis.alternatives];
  const notedCodes = new Set(noted.map((s) => s.code));
  const notedCats = new Set(noted.map((s) => category(s.code)));
  const supported = billedDx.filter(
    (c) =>
      notedCodes.has(c) ||
      notedCats.has(category(c)) ||
      (COMBINATION_SUPPORT[category(c)] ?? []).some((k) => notedCats.has(category(k))),
  );
  const unsupported = billedDx.filter((c) => !supported.includes(c));
  const billedCats = new Set(
    billedDx.flatMap((c) => [category(c), ...(COMBINATION_SUPPORT[category(c)] ?? []).map(category)]),
  );
  const top = analysis.suggestions[0]?.score ?? 0;
  const missed = analysis.suggestions
    .filter(
      (s) =>
        s.billable &&
        (STATED_SECTIONS.has(s.section) || s.score >= MISSED_MIN_SHARE * top) &&
        !billedCats.has(category(s.code)),
    )
    .slice(0, MISSED_MAX)
    .map((s) => ({ code: s.code, description: s.description, evidence: s.evidence[0]!.text, score: s.score }));
  // Entries that are not codes as written ('"I10"', 'E11..22', 'ZZZZZ') go to the engine too: each
  // becomes a finding instead of vanishing from the billed list.
  const findings = checkEncounter(
    { dateOfService: opts.dateOfService, setting: opts.setting, diagnoses, services, unparsed, analysis, note },
    pack,
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const score = Math.max(
    0,
    100 -
      WEIGHTS.unsupported * unsupported.length -
      WEIGHTS.missed * missed.length -
      WEIGHTS.error * errors -
      WEIGHTS.warning * warnings,
  );
  const icdRelease = analysis.release?.label;
  return {
    chartId,
    billed: [...billedDx, ...services.map((s) => s.code)],
    supported,
    unsupported,
    missed,
    findings,
    score,
    analysisMs: analysis.stats.ms,
    hcc: hccOfDiagnoses(billedDx, pack),
    ...(icdRelease ? { icdRelease } : {}),
  };
}

/**
 * Random sampling of N% of reviews, reproducible: the same review id is always in or out for a
 * given rate (a hash, not Math.random), so an auditor can re-derive the sample later.
 */
export function inSpotAuditSample(reviewId: string, percent: number): boolean {
  let h = 2166136261;
  for (let i = 0; i < reviewId.length; i++) {
    h ^= reviewId.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return (h % 10000) / 100 < percent;
}
