import { z } from 'zod';
import sequelaData from './data/stroke-sequela.json';
import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';

const SequelaSchema = z.strictObject({
  about: z.string(),
  history_of: z.array(z.string().min(3)),
  deficits: z.array(z.strictObject({ prefix: z.string().min(3), code: z.string().min(5), also_code: z.boolean() })),
});
const DATA = SequelaSchema.parse(sequelaData);
/** The code prefixes of a stroke's deficits (dysphagia, aphasia, facial weakness, hemiparesis, gait, …). */
export const STROKE_DEFICITS: readonly string[] = DATA.deficits.map((d) => d.prefix);
const WHY = 'deficit remaining after a past stroke: sequela of cerebral infarction (Guidelines I.C.9.d)';

/**
 * "History of dysphagia, status post stroke": the past stroke (read as Z86.73) with a deficit in the
 * same statement is a sequela, I69.3- (data/stroke-sequela.json), with the deficit's own code where
 * the Tabular asks for it; the Z86.73 goes (it says "without residual deficits"), and an I63 read
 * from the story of that past stroke ("he was at the hospital for his stroke") goes too.
 */
export function strokeSequelae(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
  considered: Suggestion[],
): { claim: Suggestion[]; replaced: Suggestion[] } {
  const history = claim.find(
    (s) => s.code.startsWith('Z86.73') && DATA.history_of.some((p) => s.reason.mappedFrom?.startsWith(p)),
  );
  if (!history) return { claim, replaced: [] };
  const statementOf = (s: Suggestion) =>
    doc.statements.find((st) => s.evidence.some((e) => e.start >= st.start && e.start < st.end))?.index;
  const at = new Set(
    history.evidence.map((e) => doc.statements.find((st) => e.start >= st.start && e.start < st.end)?.index),
  );
  const out: Suggestion[] = [];
  const replaced: Suggestion[] = [];
  for (const s of [...claim, ...considered]) {
    if (s.assertion !== 'present' && s.assertion !== 'historical') continue;
    const d = DATA.deficits.find((x) => s.code.startsWith(x.prefix));
    if (!d || !at.has(statementOf(s)) || out.some((o) => o.code === d.code)) continue;
    const info = pack.codeInfo(d.code);
    if (!info?.billable) continue;
    const evidence = [...history.evidence, ...s.evidence].sort((a, b) => a.start - b.start);
    out.push({
      ...history,
      code: d.code,
      description: info.title,
      assertion: 'present',
      evidence,
      reason: { matched: s.reason.matched, via: 'guideline', refinedFrom: s.code, note: WHY },
    });
    if (d.also_code)
      out.push({
        ...s,
        assertion: 'present',
        reason: { ...s.reason, note: `type of the deficit, after ${d.code} (Tabular: use additional code)` },
      });
  }
  if (out.length === 0) return { claim, replaced: [] };
  // An acute stroke the provider diagnoses at this visit stays (I69 may go with I63, I.C.9.d.2).
  const story = claim.filter(
    (s) =>
      s !== history &&
      DATA.history_of.some((p) => s.code.startsWith(p)) &&
      doc.statements[statementOf(s) ?? -1]?.section.role !== 'diagnostic',
  );
  replaced.push(
    ...[history, ...story].map((s) => ({
      ...s,
      reason: { ...s.reason, note: `a past stroke with residual deficits: ${out[0]!.code} (Guidelines I.C.9.d)` },
    })),
  );
  const at0 = claim.indexOf(history);
  const rest = claim.filter((s) => s !== history && !story.includes(s) && !out.some((o) => o.code === s.code));
  rest.splice(Math.min(at0, rest.length), 0, ...out);
  return { claim: rest, replaced };
}
