import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';

/** Readings of a stroke: the acute infarction, its sequelae, or the past stroke (I63, I64, I69, Z86.73). */
const STROKE = /^(?:I63|I64|I69|Z86\.73)/;
/** Readings of weakness a one-sided weakness is read as by the Index's default (R53.1, M62.81). */
const WEAKNESS = /^(?:R53\.1|R53\.81|M62\.81)/;
/** One side's weakness: "right-sided weakness", "weakness of the left side", "left hemibody weakness". */
const ONE_SIDE =
  /\b(right|left)[- ]sided weakness\b|\bweakness (?:of|on|in) the (right|left)(?: side| hemibody)?\b|\b(right|left) hemibody weakness\b/i;
/**
 * The right side is the dominant one and the left the nondominant one when the note does not say
 * which is dominant (Guidelines I.C.6.a): G81.91 and G81.94.
 */
const HEMIPARESIS = { right: 'G81.91', left: 'G81.94' } as const;
const WHY =
  'weakness of one side with a stroke is hemiparesis (Coding Clinic 1Q 2015), of the dominant side when it is the right and the nondominant when the left (Guidelines I.C.6.a)';

/**
 * "Recent cerebrovascular accident with right-sided weakness": weakness of one side written in the
 * same statement as a stroke is hemiparesis of that side, not generalized weakness (R53.1). The
 * hemiparesis follows the acute infarction (I.C.9: deficits are coded with it), and after a past
 * stroke it becomes the sequela I69.35- (stroke-sequela.ts). A one-sided weakness with no stroke
 * written beside it keeps the Index's reading.
 */
export function strokeWeakness(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
  considered: Suggestion[],
): { claim: Suggestion[]; replaced: Suggestion[] } {
  const statementOf = (s: Suggestion) =>
    doc.statements.find((st) => s.evidence.some((e) => e.start >= st.start && e.start < st.end));
  // Only a stroke the note states: a suspected one ("concerning for a cerebrovascular accident")
  // leaves the weakness a symptom (IV.H).
  const strokeAt = new Set(
    claim.filter((s) => STROKE.test(s.code) && s.assertion !== 'possible').map((s) => statementOf(s)?.index),
  );
  if (strokeAt.size === 0) return { claim, replaced: [] };
  let list = [...claim];
  const replaced: Suggestion[] = [];
  for (const s of [...claim, ...considered]) {
    if (!WEAKNESS.test(s.code) || (s.assertion !== 'present' && s.assertion !== 'historical')) continue;
    const st = statementOf(s);
    if (!st || !strokeAt.has(st.index)) continue;
    const m = ONE_SIDE.exec(doc.view.slice(st.start, st.end));
    if (!m) continue;
    const side = (m[1] ?? m[2] ?? m[3])!.toLowerCase() as 'right' | 'left';
    const info = pack.codeInfo(HEMIPARESIS[side]);
    if (!info?.billable || list.some((c) => c.code === info.code)) continue;
    const words = { start: st.start + m.index, end: st.start + m.index + m[0].length };
    const hemiparesis: Suggestion = {
      ...s,
      code: info.code,
      description: info.title,
      assertion: 'present',
      evidence: [{ ...words, text: doc.text.slice(words.start, words.end) }],
      reason: { matched: m[0], via: 'guideline', refinedFrom: s.code, note: WHY },
    };
    const at = list.indexOf(s);
    if (at >= 0) {
      list[at] = hemiparesis;
      replaced.push({ ...s, reason: { ...s.reason, note: `one-sided weakness with a stroke: ${info.code}` } });
    } else {
      const after = list.findIndex((c) => STROKE.test(c.code) && statementOf(c)?.index === st.index);
      list = [...list.slice(0, after + 1), hemiparesis, ...list.slice(after + 1)];
    }
  }
  return { claim: list, replaced };
}
