import type { CodePack } from '../pack/code-pack';
import type { NoteDocument, Statement } from '../document/document';
import type { Suggestion } from './schema';
import { guidelineSuggestion } from './guideline-suggestion';
import {
  DRUG_EVENTS,
  findSubstances,
  lookupSubstance,
  substanceKey,
  type DrugColumn,
  type DrugTable,
  type SubstanceMention,
} from './drug-table';
import { isNewborn } from './newborn';
import { escapeRegExp, phrasePattern } from '../text/regex';

export type DrugEventKind =
  | 'pregnancy'
  | 'poisoning'
  | 'toxic-effect'
  | 'adverse-effect'
  | 'underdosing'
  | 'underdosing-intent';

/**
 * One code of a drug event with where it goes on the claim:
 * - 'first': before the conditions it caused — O9A.2- in pregnancy (I.C.15.m), then the poisoning or
 *   toxic effect (I.C.19.e.5.b, e.5.d); the manifestations follow;
 * - 'after': after the condition — the adverse-effect code follows the condition it caused
 *   (I.C.19.e.5.a), an underdosing code and its Z91.1- intent code are never first-listed (I.C.19.e.5.c).
 * `statement` is the span of the statement that states the event (the adverse effect's condition is there).
 */
export interface DrugEvent {
  kind: DrugEventKind;
  sequence: 'first' | 'after';
  suggestion: Suggestion;
  statement: { start: number; end: number };
}

export interface DrugEventOptions {
  /** 7th character (I.C.19.a): A active treatment (default), D subsequent encounter, S sequela (also read from the statement). */
  episode?: 'A' | 'D' | 'S';
  /** Overrides the pregnancy read from the note. */
  pregnant?: boolean;
}

const phrases = phrasePattern;
const C = DRUG_EVENTS.cues;
const POISONING = phrases(C.poisoning);
const INGESTION = phrases(C.ingestion_words);
const SELF_HARM = phrases(C.self_harm);
const ASSAULT = phrases(C.assault);
const UNDETERMINED = phrases(C.undetermined);
const ACCIDENTAL = phrases(C.accidental);
const ADVERSE = phrases(C.adverse, 'gi');
const UNDERDOSING = phrases(C.underdosing);
const PROVIDER = phrases(C.provider_directed);
const UNCERTAIN = phrases(C.uncertain);
/** Underdosing is itself said with a negation ("has not been taking"; "could not afford it"). */
const UNCERTAIN_UNDERDOSING = phrases(C.uncertain.filter((w) => !['no', 'not', 'without'].includes(w)));
const NOT_EVENT_AFTER = new RegExp(`^\\W{0,3}(?:${C.not_event_after.map(escapeRegExp).join('|')})\\b`, 'i');
const SEQUELA = phrases(C.sequela);
const PREGNANT = phrases(C.pregnant);
const NOT_PREGNANT = phrases(C.not_pregnant);
const PUERPERIUM = phrases(C.puerperium);
/** Where a coder reads what happened at this encounter (not the medication list, the history or the findings). */
const EVENT_ROLES = new Set(['diagnostic', 'reason', 'narrative']);

/**
 * Poisoning, toxic effect, adverse effect and underdosing codes (Guidelines I.C.19.e) for what the
 * note's diagnostic, reason and narrative statements say happened, with the pregnancy code first
 * when the patient is pregnant (I.C.15.m). Returned in claim order; see DrugEvent for `sequence`.
 * Nothing for a negated, uncertain or historical event, nor for a drug that is only listed.
 */
export function drugEventSuggestions(
  pack: CodePack,
  doc: NoteDocument,
  table: DrugTable,
  release: string,
  opts: DrugEventOptions = {},
): DrugEvent[] {
  const found: {
    kind: DrugEventKind;
    category: string;
    st: Statement;
    spans: { start: number; end: number }[];
    note: string;
    words: string;
  }[] = [];
  const statements = doc.statements.filter((st) => EVENT_ROLES.has(st.section.role));
  const noteIntent = statements.some((st) => cueHere(doc, st, SELF_HARM)) ? 'self-harm' : undefined;
  for (const st of statements) {
    const text = doc.view.slice(st.start, st.end);
    const poison = cueHere(doc, st, POISONING);
    if (poison) {
      let subs = findSubstances(table, text, st.start);
      if (subs.length === 0) subs = borrowSubstances(doc, table, st, statements);
      const column: DrugColumn = intentOf(text) ?? noteIntent ?? 'accidental';
      for (const sub of preferNonmedicinal(table, subs)) {
        const category = sub.substance.cell(column);
        if (!category) continue;
        const kind = sub.substance.toxic ? 'toxic-effect' : 'poisoning';
        const why =
          column === 'accidental' && !intentOf(text)
            ? 'intent not documented: accidental (I.C.19.e.5.b)'
            : `intent: ${column}`;
        found.push({
          kind,
          category,
          st,
          spans: [poison, sub],
          note: `${kind === 'toxic-effect' ? 'toxic effect' : 'poisoning'}, ${why}; code first, then its manifestations (I.C.19.e.5.${kind === 'toxic-effect' ? 'd' : 'b'})`,
          words: doc.text.slice(sub.start, sub.end),
        });
      }
      continue;
    }
    const under = cueHere(doc, st, UNDERDOSING, UNCERTAIN_UNDERDOSING);
    if (under) {
      if (PROVIDER.test(text)) continue;
      // The drugs after the cue ("stopped taking her lithium"), else those of the statement ("his lithium, and stopped taking it").
      const afterCue = findSubstances(table, doc.view.slice(under.start, st.end), under.start);
      const subs = afterCue.length > 0 ? afterCue : findSubstances(table, text, st.start);
      for (const sub of subs) {
        const category = sub.substance.cell('underdosing');
        if (category)
          found.push({
            kind: 'underdosing',
            category,
            st,
            spans: [under, sub],
            note: "underdosing: less taken than prescribed, or stopped on the patient's own initiative; never first-listed, the condition it worsened is coded (I.C.19.e.5.c)",
            words: doc.text.slice(sub.start, sub.end),
          });
      }
      if (subs.some((s) => s.substance.cell('underdosing'))) {
        const intent = DRUG_EVENTS.underdosing_intent.find((i) => i.words.length === 0 || phrases(i.words).test(text))!;
        found.push({
          kind: 'underdosing-intent',
          category: intent.code,
          st,
          spans: [under],
          note: `${intent.why}: the noncompliance code that tells the intent of an underdosing (I.C.19.e.5.c)`,
          words: intent.code,
        });
      }
      continue;
    }
    for (const adverse of adverseLinks(doc, table, st)) {
      found.push({
        kind: 'adverse-effect',
        category: adverse.category,
        st,
        spans: [adverse.cue, adverse.sub],
        note: `adverse effect of a drug correctly prescribed and taken: the condition (${adverse.condition}) first, then this code (I.C.19.e.5.a)`,
        words: doc.text.slice(adverse.sub.start, adverse.sub.end),
      });
    }
  }
  return toEvents(pack, doc, release, found, opts);
}

function toEvents(
  pack: CodePack,
  doc: NoteDocument,
  release: string,
  found: {
    kind: DrugEventKind;
    category: string;
    st: Statement;
    spans: { start: number; end: number }[];
    note: string;
    words: string;
  }[],
  opts: DrugEventOptions,
): DrugEvent[] {
  const order: DrugEventKind[] = ['poisoning', 'toxic-effect', 'adverse-effect', 'underdosing', 'underdosing-intent'];
  const sorted = [...found].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const out: DrugEvent[] = [];
  for (const f of sorted) {
    const episode = opts.episode ?? (SEQUELA.test(doc.view.slice(f.st.start, f.st.end)) ? 'S' : 'A');
    const code = f.kind === 'underdosing-intent' ? f.category : withSeventh(f.category, episode);
    // The same code for more drugs or more statements is reported once (I.C.19.e.3), with all their words.
    const already = out.find((e) => e.suggestion.code === code);
    if (already) {
      addEvidence(already.suggestion, doc.text, f.spans, f.words);
      continue;
    }
    const suggestion = guidelineSuggestion(pack, code, release, {
      text: doc.text,
      spans: f.spans.map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start),
      section: f.st.section.kind,
      matched: f.words,
      note: f.note,
    });
    if (!suggestion?.billable) continue;
    const sequence = f.kind === 'poisoning' || f.kind === 'toxic-effect' ? 'first' : 'after';
    out.push({ kind: f.kind, sequence, suggestion, statement: { start: f.st.start, end: f.st.end } });
  }
  const pregnancy = out.length > 0 ? pregnancyCode(pack, doc, release, opts) : undefined;
  return pregnancy ? [pregnancy, ...out] : out;
}

function addEvidence(s: Suggestion, text: string, spans: { start: number; end: number }[], words: string): void {
  for (const span of spans) {
    if (s.evidence.some((e) => e.start === span.start && e.end === span.end)) continue;
    s.evidence.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end) });
    s.mentions += 1;
  }
  s.evidence.sort((a, b) => a.start - b.start);
  if (!s.reason.matched.split(', ').includes(words)) s.reason.matched += `, ${words}`;
}

/** "T42.6X2" + "A" -> "T42.6X2A"; "T51.91" + "A" -> "T51.91XA" (placeholder X to reach the 7th, I.C.19.a). */
export function withSeventh(category: string, episode: string): string {
  const bare = category.replace('.', '').padEnd(6, 'X');
  return `${bare.slice(0, 3)}.${bare.slice(3)}${episode}`;
}

/** The first cue of the statement that is asserted: no negation, uncertainty or history before it in its clause, not a topic ("overdose precautions"). */
function cueHere(
  doc: NoteDocument,
  st: Statement,
  re: RegExp,
  blockers = UNCERTAIN,
): { start: number; end: number } | undefined {
  const text = doc.view.slice(st.start, st.end);
  const global = new RegExp(re.source, 'gi');
  for (let m = global.exec(text); m; m = global.exec(text)) {
    const clauseStart = Math.max(
      0,
      ...[',', ';', ':', ' but ', ' however'].map((c) => {
        const at = text.lastIndexOf(c, m!.index - 1);
        return at < 0 ? 0 : at + c.length;
      }),
    );
    const before = text.slice(clauseStart, m.index);
    if (blockers.test(before) || NOT_EVENT_AFTER.test(text.slice(m.index + m[0].length))) continue;
    return { start: st.start + m.index, end: st.start + m.index + m[0].length };
  }
  return undefined;
}

function intentOf(text: string): DrugColumn | undefined {
  if (UNDETERMINED.test(text)) return 'undetermined';
  if (SELF_HARM.test(text)) return 'self-harm';
  if (ASSAULT.test(text)) return 'assault';
  if (ACCIDENTAL.test(text)) return 'accidental';
  return undefined;
}

/**
 * "Presents after suicide attempt." names no substance: the substances named in the discussion that
 * follows in the same section (up to three statements) when it says they were taken, else those of a
 * narrative statement that says the patient took or ingested them. Never the medication list.
 */
function borrowSubstances(
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

/** With a non-medicinal substance in the same ingestion, a substance whose row has a 'nonmedicinal' subterm takes it (I.C.19.e.5.d). */
function preferNonmedicinal(table: DrugTable, subs: SubstanceMention[]): SubstanceMention[] {
  if (!subs.some((s) => s.substance.toxic)) return subs;
  return subs.map((s) => {
    const other = lookupSubstance(table, substanceKey([...s.substance.key.split(' '), DRUG_EVENTS.nonmedicinal_word]));
    return other ? { ...s, substance: other } : s;
  });
}

/** "neutropenia due to chemotherapy (carboplatin)", "lithium-induced hypothyroidism": a condition, a link word, a drug with an adverse-effect cell. */
function adverseLinks(doc: NoteDocument, table: DrugTable, st: Statement) {
  const text = doc.view.slice(st.start, st.end);
  const out: { category: string; cue: { start: number; end: number }; sub: SubstanceMention; condition: string }[] = [];
  ADVERSE.lastIndex = 0;
  for (let m = ADVERSE.exec(text); m; m = ADVERSE.exec(text)) {
    const condition = text.slice(Math.max(0, text.lastIndexOf(',', m.index - 1) + 1), m.index).trim();
    const clauseEnd = text.slice(m.index + m[0].length).search(/[;.]|,\s+(?:and|but)\b|\band\s+(?:she|he|the)\b/);
    const after = text.slice(m.index + m[0].length, clauseEnd < 0 ? undefined : m.index + m[0].length + clauseEnd);
    if (!/[a-z]{3}/i.test(condition) || UNCERTAIN.test(condition)) continue;
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

/** O9A.21- by trimester (9 when not known) or O9A.23 after delivery, when the note says the patient is pregnant (I.C.15.m). */
function pregnancyCode(
  pack: CodePack,
  doc: NoteDocument,
  release: string,
  opts: DrugEventOptions,
): DrugEvent | undefined {
  if (opts.pregnant === false || isNewborn(doc)) return undefined;
  const said = doc.statements.filter((st) => {
    const text = doc.view.slice(st.start, st.end);
    return (
      st.section.role !== 'family' &&
      !/\bmother\b/i.test(text) &&
      !NOT_PREGNANT.test(text) &&
      cueHere(doc, st, PREGNANT) !== undefined
    );
  });
  const after = doc.statements.find((st) => EVENT_ROLES.has(st.section.role) && cueHere(doc, st, PUERPERIUM));
  if (said.length === 0 && !after && !opts.pregnant) return undefined;
  const st = after ?? said[0] ?? doc.statements[0];
  if (!st) return undefined;
  const code = after ? 'O9A.23' : `O9A.21${trimester(said.map((s) => doc.view.slice(s.start, s.end)).join(' '))}`;
  const cue = cueHere(doc, st, after ? PUERPERIUM : PREGNANT) ?? { start: st.start, end: st.end };
  const suggestion = guidelineSuggestion(pack, code, release, {
    text: doc.text,
    spans: [cue],
    section: st.section.kind,
    matched: doc.text.slice(cue.start, cue.end),
    note: 'poisoning, toxic effect, adverse effect or underdosing in a pregnant patient: the O9A.2- code first, then the T code, then its manifestations (I.C.15.m)',
  });
  return suggestion
    ? { kind: 'pregnancy', sequence: 'first', suggestion, statement: { start: st.start, end: st.end } }
    : undefined;
}

/** Trimesters counted from the first day of the last menstrual period: 1 before 14 weeks, 2 before 28, 3 after (I.C.15.a.3). */
function trimester(text: string): string {
  const named = /\b(first|1st|second|2nd|third|3rd)\s+trimester\b/i.exec(text)?.[1]?.toLowerCase();
  if (named) return /^(first|1st)$/.test(named) ? '1' : /^(second|2nd)$/.test(named) ? '2' : '3';
  const weeks =
    /\b(\d{1,2})(?:[- ]\d\/7)?[- ]?(?:weeks?|wks?)'?(?:\s+\d\s*days?)?\s+(?:pregnant|gestation|of gestation|gestational age|by dates|by ultrasound|IUP|intrauterine)/i.exec(
      text,
    )?.[1];
  if (!weeks) return '9';
  const n = Number(weeks);
  return n < 14 ? '1' : n < 28 ? '2' : '3';
}

/**
 * The claim with the drug events placed: 'first' codes ahead of it, an adverse effect right after the
 * condition stated in its statement (else at the end), underdosing codes at the end. A claim code in
 * the category of an event code (the same T code read elsewhere) gives way to the event's.
 */
export function placeDrugEvents(claim: Suggestion[], events: DrugEvent[]): Suggestion[] {
  const eventCats = new Set(events.map((e) => e.suggestion.code.slice(0, 7)));
  const rest = claim.filter((s) => !eventCats.has(s.code.slice(0, 7)) || !/^[TO]/.test(s.code));
  const out = [...events.filter((e) => e.sequence === 'first').map((e) => e.suggestion), ...rest];
  for (const e of events.filter((ev) => ev.sequence === 'after')) {
    const at =
      e.kind === 'adverse-effect'
        ? out.findLastIndex((s) => s.evidence.some((ev) => ev.start >= e.statement.start && ev.end <= e.statement.end))
        : -1;
    out.splice(at >= 0 ? at + 1 : out.length, 0, e.suggestion);
  }
  return out;
}
