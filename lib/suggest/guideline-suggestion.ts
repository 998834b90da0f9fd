import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';

/**
 * A code the guideline layer adds (status, organism, encounter reason, BMI): one shape for all of
 * them, with the note's words that support it and the guideline it follows. Undefined when the
 * loaded release does not hold the code.
 */
export function guidelineSuggestion(
  pack: CodePack,
  code: string,
  release: string,
  found: { text: string; spans: { start: number; end: number }[]; section: string; matched: string; note: string },
): Suggestion | undefined {
  const info = pack.codeInfo(code);
  if (!info || found.spans.length === 0) return undefined;
  return {
    code: info.code,
    description: info.title,
    system: 'ICD-10-CM',
    release,
    billable: info.billable,
    score: 1,
    assertion: 'present',
    section: found.section,
    evidence: found.spans
      .slice(0, 20)
      .map((s) => ({ start: s.start, end: s.end, text: found.text.slice(s.start, s.end) })),
    mentions: found.spans.length,
    reason: { matched: found.matched, via: 'guideline', note: found.note },
  };
}
