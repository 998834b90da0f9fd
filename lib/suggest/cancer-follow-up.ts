import type { NoteDocument } from '../document/document';
import type { CodePack } from '../pack/code-pack';
import { guidelineSuggestion } from './guideline-suggestion';
import type { Suggestion } from './schema';

/** The visit finds the cancer gone: surveillance after its treatment. */
const NO_DISEASE =
  /\b(?:no (?:evidence|sign|signs) of (?:recurrent |active |residual |metastatic )?(?:disease|recurrence|malignancy|cancer|tumor)|\bNED\b|no recurrence|without (?:evidence of )?recurrence|remains? disease[- ]free|cancer[- ]free|in (?:complete )?remission)\b/i;

/** Where the visit's own findings are written: not the past history's lists. */
const THIS_VISIT = new Set(['diagnostic', 'plan', 'narrative', 'reason']);

/**
 * A visit to follow a cancer whose treatment is completed (the claim has its history code Z85 and
 * no current cancer or treatment): the follow-up examination Z08 is first-listed and the history
 * code follows (Tabular Z85 "code first any follow-up examination after treatment of malignant
 * neoplasm (Z08)"; Guidelines I.C.21.c.8). Only when the history code leads and the visit finds no
 * evidence of the disease.
 */
export function cancerFollowUp(pack: CodePack, doc: NoteDocument, claim: Suggestion[], release: string): Suggestion[] {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  // The cancer's history leads the claim: the visit is about it, not a problem of its own.
  const history = icd[0]?.code.startsWith('Z85') ? icd[0] : undefined;
  if (!history || icd.some((s) => /^(?:C|D0|Z08|Z51\.[01])/.test(s.code))) return claim;
  let span: { start: number; end: number } | undefined;
  for (const st of doc.statements) {
    if (!THIS_VISIT.has(st.section.role)) continue;
    const m = NO_DISEASE.exec(doc.view.slice(st.start, st.end));
    if (!m) continue;
    span = { start: st.start + m.index, end: st.start + m.index + m[0].length };
    break;
  }
  if (!span) return claim;
  const z08 = guidelineSuggestion(pack, 'Z08', release, {
    text: doc.text,
    spans: [span],
    section: history.section,
    matched: doc.text.slice(span.start, span.end),
    note: `follow-up examination after completed treatment of the cancer of ${history.code}, first-listed, with the history code after it (Tabular Z85 "code first"; Guidelines I.C.21.c.8)`,
  });
  return z08?.billable ? [z08, ...claim] : claim;
}
