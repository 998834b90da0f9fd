import { namings, titleStems } from '../note-words';
import { isIcd, noteDocument, type Rule } from '../rule';

/** Where a diagnosis is stated for the encounter (the assessment, the reason for the visit, the plan, a narrative note). */
const STATED = ['diagnostic', 'reason', 'plan', 'narrative'] as const;

/**
 * Outpatient: diagnoses documented as probable, suspected, rule out, consistent with … are not
 * coded; the signs and symptoms are (Guidelines IV.H). A reported code is uncertain when the
 * analysis keeps its code — or another of its category — only as "possible", or when every
 * statement of the note that names it (the title's content words) says it is uncertain, and no
 * statement confirms it.
 */
export const rule: Rule = {
  id: 'uncertain-diagnosis-outpatient',
  kind: 'documentation',
  title: 'Uncertain diagnosis reported in the office setting',
  source: 'ICD-10-CM Official Guidelines Section IV.H (uncertain diagnoses, outpatient: code the signs and symptoms)',
  run(ctx) {
    const { encounter, pack } = ctx;
    const a = encounter.analysis;
    if (encounter.setting !== 'office' || (!a && encounter.note === undefined)) return [];
    const doc = noteDocument(ctx);
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const category = d.code.slice(0, 3);
      const asserted = a?.suggestions.some(
        (s) => s.code === d.code || (s.code.slice(0, 3) === category && s.assertion === 'present'),
      );
      if (asserted) continue;
      const title = pack.codeInfo(d.code)?.title;
      const named =
        doc && title ? namings(doc, titleStems(title), STATED).filter((n) => n.assertion !== 'negated') : [];
      // Stated as a fact somewhere ("Iron deficiency will be treated with iron"): not uncertain.
      if (named.some((n) => n.assertion !== 'possible' && n.assertion !== 'hypothetical')) continue;
      const possible = (a?.excluded ?? []).filter(
        (s) => s.assertion === 'possible' && !aboutTheCause(doc?.view, s.evidence[0]?.start),
      );
      const byAnalysis =
        possible.find((s) => s.code === d.code) ?? possible.find((s) => s.code.slice(0, 3) === category);
      let evidence = byAnalysis?.evidence ?? [];
      if (!byAnalysis) {
        // Every statement that names it is uncertain (negated ones say nothing of its presence).
        const live = named.filter((n) => !aboutTheCause(doc?.view, n.start, n.end));
        if (live.length === 0 || live.some((n) => n.assertion !== 'possible')) continue;
        evidence = live.slice(0, 3).map((n) => ({ start: n.start, end: n.end, text: n.text }));
      }
      // Quote the whole statement ("Probable community-acquired pneumonia"), not only the matched words.
      const said = doc?.statements.find(
        (st) => evidence[0] && st.start <= evidence[0].start && evidence[0].end <= st.end,
      );
      const quote = said ? doc!.text.slice(said.start, said.end).trim() : (evidence[0]?.text ?? '');
      const symptoms = a?.suggestions.filter((s) => s.code.startsWith('R')).map((s) => s.code) ?? [];
      out.push({
        severity: 'error',
        message: `${d.code} is documented only as uncertain ("${quote}")`,
        rationale:
          'In the office, probable / suspected / rule-out diagnoses are not coded; the signs and symptoms are.',
        codes: [d.code],
        evidence,
        action: `Remove ${d.code} and report the documented signs and symptoms (${symptoms.join(', ') || 'see the note'}), or query the provider if it was confirmed.`,
      });
    }
    return out;
  },
};

/**
 * "Elevated enzymes possibly due to sepsis and also acute renal failure": the doubt is about the
 * cause, not about the conditions named as causes. True when an uncertainty word followed by a
 * causal link ("possibly due to", "likely secondary to") comes before `at` in its sentence.
 */
function aboutTheCause(view: string | undefined, at: number | undefined, end?: number): boolean {
  if (view === undefined || at === undefined) return false;
  const from = Math.max(0, view.lastIndexOf('.', at - 1) + 1, at - 160);
  const before = view.slice(from, end ?? at + 1);
  return /\b(possibl[ey]|probabl[ey]|likely|may be|might be|could be|perhaps|suspect(ed)?)\s+(due to|secondary to|related to|caused by|from|because of|attributable to)\b/i.test(
    before,
  );
}
