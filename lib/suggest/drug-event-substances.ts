import type { NoteDocument, Statement } from '../document/document';
import {
  DRUG_EVENTS,
  findSubstances,
  lookupSubstance,
  substanceKey,
  type DrugTable,
  type SubstanceMention,
} from './drug-table';
import { ADVERSE, DRUG_FORM, INGESTION, UNCERTAIN, cueHere } from './drug-event-cues';

/** Which substances a drug-event statement is about, and the conditions a drug is said to have caused. */

/**
 * "Presents after suicide attempt." names no substance: the substances named in the discussion that
 * follows in the same section (up to three statements) when it says they were taken, else those of a
 * narrative statement that says the patient took or ingested them. Never the medication list.
 */
export function borrowSubstances(
  doc: NoteDocument,
  table: DrugTable,
  st: Statement,
  statements: Statement[],
): SubstanceMention[] {
  const at = statements.indexOf(st);
  const nearby = statements.slice(at, at + 4).filter((s) => s.section === st.section);
  const nearbyText = nearby.map((s) => doc.view.slice(s.start, s.end)).join(' ');
  if (INGESTION.test(nearbyText)) {
    const subs = nearby.flatMap((s) => findSubstances(table, doc.view.slice(s.start, s.end), s.start));
    if (subs.length > 0) return subs;
  }
  return statements
    .filter((s) => s.section.role === 'narrative' && cueHere(doc, s, INGESTION))
    .flatMap((s) => findSubstances(table, doc.view.slice(s.start, s.end), s.start));
}

/**
 * A medicine taken that the Table does not name ("two tablets of Celesta 40 mg"; a misspelt or
 * foreign brand): the Table's 'Drug NEC' row (T50.90-), read from a medicine form or a strength in
 * the statement or in a narrative statement that says it was taken. The unspecified row says no more
 * than the note; a coder confirms the drug (I.C.19.e.5.b).
 */
export function unnamedDrug(
  doc: NoteDocument,
  table: DrugTable,
  st: Statement,
  statements: Statement[],
): SubstanceMention[] {
  const drug = lookupSubstance(table, substanceKey(['drug']));
  if (!drug) return [];
  const taken = statements.filter((s) => s !== st && s.section.role === 'narrative' && cueHere(doc, s, INGESTION));
  for (const s of [st, ...taken]) {
    const m = DRUG_FORM.exec(doc.view.slice(s.start, s.end));
    if (m) return [{ start: s.start + m.index, end: s.start + m.index + m[0].length, substance: drug }];
  }
  return [];
}

/** With a non-medicinal substance in the same ingestion, a substance whose row has a 'nonmedicinal' subterm takes it (I.C.19.e.5.d). */
export function preferNonmedicinal(table: DrugTable, subs: SubstanceMention[]): SubstanceMention[] {
  if (!subs.some((s) => s.substance.toxic)) return subs;
  return subs.map((s) => {
    const other = lookupSubstance(table, substanceKey([...s.substance.key.split(' '), DRUG_EVENTS.nonmedicinal_word]));
    return other ? { ...s, substance: other } : s;
  });
}

/** "neutropenia due to chemotherapy (carboplatin)", "lithium-induced hypothyroidism": a condition, a link word, a drug with an adverse-effect cell. */
const STREET = new RegExp(`\\b(?:${DRUG_EVENTS.street_drugs.join('|')})\\b`, 'i');

export function adverseLinks(doc: NoteDocument, table: DrugTable, st: Statement) {
  return adverseReadings(doc, table, st).filter((a) => !STREET.test(doc.view.slice(a.sub.start, a.sub.end)));
}

function adverseReadings(doc: NoteDocument, table: DrugTable, st: Statement) {
  const text = doc.view.slice(st.start, st.end);
  const out: { category: string; cue: { start: number; end: number }; sub: SubstanceMention; condition: string }[] = [];
  ADVERSE.lastIndex = 0;
  for (let m = ADVERSE.exec(text); m; m = ADVERSE.exec(text)) {
    const comma = text.lastIndexOf(',', m.index - 1);
    let condition = text.slice(comma + 1, m.index).trim();
    // "Coagulopathy, induced by Coumadin": the cue set off by a comma qualifies the item before it.
    if (!condition && comma > 0) condition = text.slice(text.lastIndexOf(',', comma - 1) + 1, comma).trim();
    const clauseEnd = text.slice(m.index + m[0].length).search(/[;.]|,\s+(?:and|but)\b|\band\s+(?:she|he|the)\b/);
    const after = text.slice(m.index + m[0].length, clauseEnd < 0 ? undefined : m.index + m[0].length + clauseEnd);
    if (!/[a-z]{3}/i.test(condition) || UNCERTAIN.test(condition)) continue;
    // The cause is what the cue names first: "secondary to poorly controlled type II diabetes,
    // insulin requiring" blames the diabetes; a drug after the comma describes it. A list of drugs
    // ("due to Coumadin, aspirin and Plavix") names one in its first item.
    const firstItem = after.split(',')[0]!;
    if (findSubstances(table, firstItem, 0).length === 0) continue;
    for (const sub of findSubstances(table, after, st.start + m.index + m[0].length)) {
      const category = sub.substance.cell('adverse');
      if (category)
        out.push({
          category,
          cue: { start: st.start + m.index, end: st.start + m.index + m[0].length },
          sub,
          condition,
        });
    }
  }
  for (const suffix of DRUG_EVENTS.cues.adverse_suffix) {
    for (let at = text.toLowerCase().indexOf(suffix); at >= 0; at = text.toLowerCase().indexOf(suffix, at + 1)) {
      const lead = findSubstances(table, text.slice(Math.max(0, at - 40), at), st.start + Math.max(0, at - 40)).pop();
      const clause = text.slice(Math.max(0, text.lastIndexOf(',', at) + 1), at);
      if (!lead || lead.end !== st.start + at || UNCERTAIN.test(clause)) continue;
      const category = lead.substance.cell('adverse');
      const condition = text
        .slice(at + suffix.length)
        .split(/[,;.]/)[0]!
        .trim();
      if (category && /[a-z]{3}/i.test(condition))
        out.push({ category, cue: { start: st.start + at, end: st.start + at + suffix.length }, sub: lead, condition });
    }
  }
  return out;
}
