import type { TermSource } from '../pack/code-pack';
import type { ExpandedToken } from '../text/expand';
import type { Dictionary } from './dictionary';
import { termStems } from './term-rules';

/**
 * The Alphabetic Index's one-word subterms of each main term that are body parts ("Disease" has
 * "bone", "lung", "kidney", ...), by the stem of the main term's noun. A coder looks a phrase up by its
 * noun and then by the word right before it: "metabolic bone disease" is Disease, bone (the bone
 * disease that is metabolic), never Disease, metabolic, which would skip the subterm written
 * between them. Built from the Index entries with a code (the lossy flat copy keeps their levels).
 */
export type MainSubterms = Record<string, string[]>;

/** A Neoplasm Table row: its column, then the site ("Malignant Primary bone"). */
const NEOPLASM_ROW =
  /^(?:Malignant Primary|Malignant Secondary|Ca in situ|Benign|Uncertain Behavior|Unspecified Behavior) (.+)$/;

export function buildMainSubterms(sources: TermSource[]): MainSubterms {
  // Only body parts: a site noun written before the main term names the entry ("bone disease"),
  // while stacked adjectives ("acute gangrenous cholecystitis", "postoperative paralytic ileus",
  // "bipolar affective disorder") each qualify the one noun. The sites are the Neoplasm Table's
  // one-word rows.
  const sites = new Set<string>();
  for (const s of sources) {
    const site = s.kind === 'neoplasm' ? NEOPLASM_ROW.exec(s.text.trim())?.[1] : undefined;
    const stems = site && !/\s/.test(site.trim()) ? termStems(site).required : [];
    if (stems.length === 1) sites.add(stems[0]!);
  }
  const out = new Map<string, Set<string>>();
  for (const s of sources) {
    if (s.kind !== 'index' || !s.levels || s.levels.length < 2) continue;
    const main = termStems(s.levels[0]!.split(/,\s*/)[0]!).required;
    const sub = termStems(s.levels[1]!).required;
    if (main.length !== 1 || sub.length !== 1 || !sites.has(sub[0]!)) continue;
    const set = out.get(main[0]!) ?? new Set<string>();
    set.add(sub[0]!);
    out.set(main[0]!, set);
  }
  return Object.fromEntries([...out].map(([k, v]) => [k, [...v].sort()]));
}

/**
 * An Index reading that takes the main term's word and the word two before it, but not the one
 * between, when that one is another one-word subterm of the main term: the noun belongs to that
 * subterm's entry. The main term's word is the reading's first required word (its first position).
 */
export function skipsSubtermBeforeMain(
  dict: Dictionary,
  ti: number,
  positions: number[],
  tokens: ExpandedToken[],
): boolean {
  if (dict.kindOf(ti) !== 'index') return false;
  const first = dict.requiredIds(ti)[0];
  const subterms = first === undefined ? undefined : dict.subtermsOf(dict.meta.vocab[first]!);
  if (!subterms) return false;
  const main = tokens[positions[0]!]!;
  if (main.implied) return false;
  const before = tokens.filter((t) => t.source === main.source - 1 && !t.implied);
  if (before.length === 0 || before.some((t) => t.expanded)) return false;
  const taken = new Set(positions.map((p) => tokens[p]!.source));
  // Only a word skipped inside one phrase: "metabolic [bone] disease" reads its adjective over the
  // site, but "neck and back pain" coordinates two sites of one noun (the Index's pain of each).
  return !taken.has(main.source - 1) && taken.has(main.source - 2) && before.some((t) => subterms.has(t.stem));
}
