/**
 * Characters a reader does not see, or sees as another letter, normalised so a code is not
 * silently dropped ("diab\u00ADetes", "hyper\u200Btension", a Cyrillic "е" inside "Type 2 diabеtes",
 * "Е11.9" with a Cyrillic capital). Two kinds of change, both keeping an offset map possible:
 * - invisible format characters are removed (the caller records, per kept character, its raw offset);
 * - look-alike letters are replaced one for one (same length: offsets do not move).
 * Unusual spaces (no-break, thin, ideographic …) count as spaces.
 */

export type CharClass = 'keep' | 'drop' | 'space' | 'newline';

/**
 * Invisible in rendered text: soft hyphen, combining grapheme joiner, zero-width space / joiners,
 * directional marks and embeddings, word joiner and invisible operators, variation selectors,
 * byte-order mark, Hangul fillers, Mongolian vowel separator.
 */
function isInvisible(c: number): boolean {
  return (
    c === 0x00ad ||
    c === 0x034f ||
    c === 0x061c ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x17b4 ||
    c === 0x17b5 ||
    (c >= 0x180b && c <= 0x180f) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    c === 0x3164 ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff ||
    c === 0xffa0
  );
}

/** White space as a reader sees it (no-break and typographic spaces included). */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0x0d ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Class of the UTF-16 unit at `i` of `s`. Tag characters (U+E0000–E007F, a surrogate pair) are
 * invisible too: both units are 'drop'.
 */
export function classifyAt(s: string, i: number): CharClass {
  const c = s.charCodeAt(i);
  if (c === 0x0a || c === 0x2028 || c === 0x2029) return 'newline';
  if (isSpace(c)) return 'space';
  if (isInvisible(c)) return 'drop';
  if (c === 0xdb40) {
    const lo = s.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdc7f) return 'drop';
  }
  if (c >= 0xdc00 && c <= 0xdc7f && s.charCodeAt(i - 1) === 0xdb40) return 'drop';
  return 'keep';
}

/** Cyrillic and Greek letters drawn like Latin ones (Unicode confusables, one UTF-16 unit each). */
const CONFUSABLE: Record<string, string> = {
  // Cyrillic
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  // Greek
  ο: 'o',
  ν: 'v',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  α: 'a',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`);
const ASCII_ALNUM = /[A-Za-z0-9]/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Fullwidth ASCII (U+FF01–FF5E) read as ASCII, as NFKC would; one unit for one unit. */
function foldFullwidth(s: string): string {
  return /[\uff01-\uff5e]/.test(s)
    ? s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    : s;
}

/**
 * Replaces look-alike letters inside words that also hold Latin letters or digits ("diаbetes",
 * "Е11.9"); a word written wholly in another script is left alone (it may be real Greek or
 * Russian). The result has the same length as the input, so offsets into it are offsets into
 * the input.
 */
export function foldLookalikes(input: string): string {
  const s = foldFullwidth(input);
  if (!CONFUSABLE_RE.test(s)) return s;
  return s.replace(WORD, (word) => {
    if (!CONFUSABLE_RE.test(word) || !ASCII_ALNUM.test(word)) return word;
    let out = '';
    for (const ch of word) out += CONFUSABLE[ch] ?? ch;
    return out;
  });
}

/**
 * A field's value (textarea) normalised: invisible characters removed, unusual spaces made plain,
 * look-alikes folded; `raw[i]` is the offset in the value of the i-th character of `text`
 * (absent when nothing was removed).
 */
/** Whether normalizeValue would change or remove a character (a fast path for the usual clean value). */
function needsWork(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0xa0 ? c === 0x0b || c === 0x0c : classifyAt(value, i) !== 'keep') return true;
  }
  return false;
}

export function normalizeValue(value: string): { text: string; raw?: Uint32Array } {
  if (!needsWork(value)) return { text: foldLookalikes(value) };
  let text = '';
  let raw: number[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const cls = classifyAt(value, i);
    if (cls === 'drop') {
      raw ??= Array.from({ length: text.length }, (_, k) => k);
      continue;
    }
    text += cls === 'space' && value[i] !== '\t' && value[i] !== '\r' ? ' ' : cls === 'newline' ? '\n' : value[i];
    raw?.push(i);
  }
  return { text: foldLookalikes(text), ...(raw ? { raw: Uint32Array.from(raw) } : {}) };
}
