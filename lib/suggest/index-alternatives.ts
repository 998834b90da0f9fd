/**
 * The alternatives one subterm of the Alphabetic Index writes in a single line. The Index joins
 * words a note may use for the same thing: "lymph gland or node", "intervertebral cartilage or
 * disc", "neuritis, radiculitis or radiculopathy". A note writes one of them
 * ("herniated lumbar disc"), never all, so each alternative is a reading of its own.
 *
 * Read conservatively, because a comma also inverts a phrase ("cartilage, vertebra") or adds a
 * qualifier ("knee, meniscus or cartilage" is the knee's meniscus or cartilage):
 * - "A or B" of single words: A | B; after comma items only the last two are alternatives
 *   ("knee, meniscus or cartilage" -> knee meniscus | knee cartilage), unless the list's first two
 *   words end alike ("neuritis, radiculitis or radiculopathy": each word alone);
 * - "w1 … wn or B" with one word after "or": the words before the last are shared
 *   ("lymph gland or node" -> lymph gland | lymph node);
 * A comma list without "or" ("cervix, cervical", "tube, tubal", "cartilage, vertebra") stays one
 * reading with every word: its forms are also words of other things ("cervical stenosis" of the
 * spine is no stenosis of the cervix, the eustachian "tubes" no fallopian tube).
 * Parenthesised nonessential words stay with every alternative.
 */
export function levelAlternatives(level: string): string[] {
  const parens = (level.match(/\([^)]*\)/g) ?? []).join(' ');
  const base = level
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const withParens = (alts: string[]) => alts.map((a) => (parens ? `${a} ${parens}` : a));
  const or = /^(.*?)\s+or\s+(\S+)$/.exec(base);
  if (or) {
    const [, written, right] = or as unknown as [string, string, string];
    const left = written.replace(/,\s*$/, '');
    // "with or following …" and "4500 grams or more" are no pair of words.
    if (/\bor\b/.test(left) || /^(more|less|over|under)$/i.test(right)) return [level];
    const comma = left.lastIndexOf(',');
    const head = comma >= 0 ? `${left.slice(0, comma).trim()} ` : '';
    const before = left
      .slice(comma + 1)
      .trim()
      .split(' ');
    // "… , A or B" and "A or B": single words; "lymph gland or node": the shared words lead.
    if (comma >= 0 && before.length !== 1) return [level];
    const shared = before.slice(0, -1).join(' ');
    const last = before.at(-1)!;
    // A list of one kind of word ("neuritis, radiculitis or radiculopathy": the first two end
    // alike) names alternatives from its first word on.
    const items = [...head.split(',').map((x) => x.trim()), last].filter(Boolean);
    if (
      items.length > 1 &&
      items.every((x) => !x.includes(' ')) &&
      items.slice(0, 2).every((x) => x.length > 4 && x.slice(-4).toLowerCase() === items[0]!.slice(-4).toLowerCase())
    )
      return withParens([...items, right]);
    const joined = (w: string) => `${head}${shared ? `${shared} ` : ''}${w}`;
    return withParens([joined(last), joined(right)]);
  }
  return [level];
}
