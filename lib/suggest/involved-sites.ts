import type { ExpandedToken } from '../text/expand';
import type { TermMatch } from './matcher';

/** Words that open the sites a condition involves ("… involving the gut, skin, and liver"). */
const INVOLVING = new Set(['involving', 'affecting']);
/** The generic head nouns of a condition's name ("graft versus host disease"). */
const GENERIC_HEADS = new Set(['disease', 'diseases', 'disorder', 'disorders', 'syndrome', 'process', 'condition']);

/**
 * "Graft versus host disease involving the gut, skin, and liver": the words after "involving" are
 * the sites of the condition before it. A reading made of that condition's own words (its generic
 * head, "disease") and a site after "involving" ("liver disease" K76.9, "disorder of skin" L98.9)
 * is no second condition: it is set aside. A reading whose words before "involving" are its own
 * ("sarcoidosis involving the lungs": D86.0 is Sarcoidosis of lung) stands.
 */
export function readingsAcrossInvolving(kept: TermMatch[], tokens: ExpandedToken[]): TermMatch[] {
  const at = tokens.find((t) => !t.expanded && !t.implied && INVOLVING.has(t.norm))?.source;
  if (at === undefined) return [];
  const sources = (m: TermMatch) => m.positions.map((p) => tokens[p]!.source);
  return kept.filter((m) => {
    const mine = sources(m);
    const before = mine.filter((s) => s < at);
    if (before.length === 0 || !mine.some((s) => s > at)) return false;
    // Only the generic head is borrowed: "metastatic deposits … involving the chest wall" reads the
    // spread's own site (C79.89), one condition made specific.
    if (!m.positions.every((p) => tokens[p]!.source > at || GENERIC_HEADS.has(tokens[p]!.norm))) return false;
    // Each word before "involving" belongs to another reading lying wholly before it, with words of its own.
    return kept.some((o) => {
      if (o === m) return false;
      const theirs = sources(o);
      return theirs.every((s) => s < at) && before.every((s) => theirs.includes(s)) && theirs.length > before.length;
    });
  });
}
