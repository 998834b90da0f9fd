import { z } from 'zod';
import antineoplasticData from './data/antineoplastic.json';
import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';
import { guidelineSuggestion } from './guideline-suggestion';
import { escapeRegExp } from '../text/regex';

const Agents = z.strictObject({ code: z.string().min(5), agents: z.array(z.string().min(2)).min(1) });
const DataSchema = z.strictObject({
  about: z.string(),
  chemotherapy: Agents,
  immunotherapy: Agents,
  cue: z.string().min(1),
  not_now: z.string().min(1),
  look_in: z.array(z.string()).min(1),
});
const DATA = DataSchema.parse(antineoplasticData);
const agents = (list: string[]) => new RegExp(`(?<![\\w-])(?:${list.map(escapeRegExp).join('|')})(?![\\w-])`, 'i');
const KINDS = [DATA.chemotherapy, DATA.immunotherapy].map((k) => ({ code: k.code, re: agents(k.agents) }));
const CUE = new RegExp(DATA.cue, 'i');
const NOT_NOW = new RegExp(DATA.not_now, 'i');
const LOOK_IN = new Set(DATA.look_in);
const WHY =
  'encounter chiefly for antineoplastic therapy: first-listed, the malignancy after it (Guidelines I.C.2.e.2)';

/**
 * Z51.11 / Z51.12 first when the encounter was for chemotherapy or immunotherapy
 * (data/antineoplastic.json): "PROCEDURES: 1. Cycle five high-dose methotrexate. 2. Rituxan weekly."
 * A statement counts when it is among the encounter's procedures (an agent listed there) or its
 * reason (an agent with a cycle / course / infusion word), and says nothing of a later or past one.
 */
export function antineoplasticEncounter(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
  release: string,
): Suggestion[] {
  const first: Suggestion[] = [];
  for (const k of KINDS) {
    if (claim.some((s) => s.code === k.code)) continue;
    for (const st of doc.statements) {
      if (!LOOK_IN.has(st.section.role)) continue;
      const text = doc.view.slice(st.start, st.end);
      const m = k.re.exec(text);
      // In the procedures of the encounter the agent itself says what was done; a reason needs the cue.
      if (!m || (st.section.role !== 'procedure' && !CUE.test(text)) || NOT_NOW.test(text)) continue;
      const s = guidelineSuggestion(pack, k.code, release, {
        text: doc.text,
        spans: [{ start: st.start + m.index, end: st.start + m.index + m[0].length }],
        section: st.section.kind,
        matched: m[0],
        note: WHY,
      });
      if (s) first.push(s);
      break;
    }
  }
  return first.length > 0 ? [...first, ...claim] : claim;
}
