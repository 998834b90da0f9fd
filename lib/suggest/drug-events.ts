import type { CodePack } from '../pack/code-pack';
import type { NoteDocument, Statement } from '../document/document';
import type { Suggestion } from './schema';
import { guidelineSuggestion } from './guideline-suggestion';
import { DRUG_EVENTS, findSubstances, type DrugColumn, type DrugTable } from './drug-table';
import {
  POISONING,
  SELF_HARM,
  UNDERDOSING,
  PROVIDER,
  UNCERTAIN_UNDERDOSING,
  SEQUELA,
  EVENT_ROLES,
  cueHere,
  intentOf,
} from './drug-event-cues';
import { borrowSubstances, unnamedDrug, preferNonmedicinal, adverseLinks } from './drug-event-substances';
import { pregnancyCode } from './drug-event-pregnancy';
import { phrasePattern } from '../text/regex';

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

/** A drug event read from a statement, before its code is made: the category, the cue and substance spans, the words matched. */
interface FoundEvent {
  kind: DrugEventKind;
  category: string;
  st: Statement;
  spans: { start: number; end: number }[];
  note: string;
  words: string;
}

export interface DrugEventOptions {
  /** 7th character (I.C.19.a): A active treatment (default), D subsequent encounter, S sequela (also read from the statement). */
  episode?: 'A' | 'D' | 'S';
  /** Overrides the pregnancy read from the note. */
  pregnant?: boolean;
}

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
  const found: FoundEvent[] = [];
  const statements = doc.statements.filter((st) => EVENT_ROLES.has(st.section.role));
  const noteIntent = statements.some((st) => cueHere(doc, st, SELF_HARM)) ? 'self-harm' : undefined;
  for (const st of statements) {
    const text = doc.view.slice(st.start, st.end);
    const poison = cueHere(doc, st, POISONING);
    if (poison) {
      let subs = findSubstances(table, text, st.start);
      if (subs.length === 0) subs = borrowSubstances(doc, table, st, statements);
      if (subs.length === 0) subs = unnamedDrug(doc, table, st, statements);
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
        const intent = DRUG_EVENTS.underdosing_intent.find(
          (i) => i.words.length === 0 || phrasePattern(i.words).test(text),
        )!;
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
  found: FoundEvent[],
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
