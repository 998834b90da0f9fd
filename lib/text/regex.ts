/** A literal string as a regular-expression source ("5-fu", "r-chop", "ms contin" match as written). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any of the phrases as whole words (not inside a longer word or number), the longest tried first. */
export function phrasePattern(list: string[], flags = 'i'): RegExp {
  return new RegExp(
    `(?<![a-z0-9])(?:${[...list]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![a-z0-9])`,
    flags,
  );
}
