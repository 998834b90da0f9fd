import { excludedRanges, inPrefixRange } from '../pack/modules/icd10cm/excludes1';
import { undotIcd } from '../codesets/code-format';
import type { CodePack, NoteRef } from '../pack/code-pack';

/** "… in (other) diseases classified elsewhere", "… due to conditions classified elsewhere". */
const TITLE = /\b(in|due to) (?:[a-z-]+ ){0,3}(diseases?|conditions?) classified elsewhere\b/i;

export interface CodeFirst {
  code: string;
  title: string;
  /**
   * manifestation: never first-listed, needs its etiology (title says "classified elsewhere", or a
   * code-first note requires the underlying condition); sequencing: a "code first" note that
   * applies only when the named condition is present ("if applicable", "any associated …").
   */
  kind: 'manifestation' | 'sequencing';
  notes: NoteRef[];
  /** Code ranges the notes name (undotted, inclusive prefixes). */
  ranges: [string, string][];
  /** The ranges are examples ("underlying disease, such as: …"): another etiology may be the one. */
  examplesOnly: boolean;
}

/**
 * How the Tabular's "code first" notes bind a code (Guidelines I.A.13): the etiology/manifestation
 * pair, or a sequencing instruction. Read from the notes of the release in force (the pack view).
 */
export function codeFirstOf(pack: CodePack, code: string): CodeFirst | undefined {
  const hit = pack.lookup(code);
  if (!hit || hit.system !== 'ICD-10-CM') return undefined;
  const notes = hit.notes.filter((n) => n.kind === 'codeFirst');
  const titled = TITLE.test(hit.title);
  if (!titled && notes.length === 0) return undefined;
  const byHolder = new Map<string, NoteRef[]>();
  for (const n of notes) byHolder.set(n.from, [...(byHolder.get(n.from) ?? []), n]);
  // A holder requiring the underlying condition: its first item names it, and no item makes it conditional.
  const required = [...byHolder.values()].find(
    (list) =>
      /^(the )?underlying\b/i.test(list[0]!.text.trim()) && !list.some((n) => /if applicable|if known/i.test(n.text)),
  );
  const kind = titled || required ? 'manifestation' : 'sequencing';
  const binding = required ?? notes;
  const ranges = binding.flatMap((n) => excludedRanges(n.text));
  const examplesOnly = ranges.length === 0 || binding.some((n) => /such as/i.test(n.text));
  return { code: hit.code, title: hit.title, kind, notes: binding, ranges, examplesOnly };
}

/** Is a reported code one of the conditions the note names? */
export function namedBy(cf: CodeFirst, code: string): boolean {
  const u = undotIcd(code);
  return u !== undotIcd(cf.code) && cf.ranges.some((r) => inPrefixRange(u, r));
}
