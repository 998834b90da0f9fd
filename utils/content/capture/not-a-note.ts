/**
 * Why the largest block of text on a page is not a visit note, or undefined when it may be one.
 * A schedule, worklist or patient list is rows: most of its lines name a time of day or a date
 * (an appointment, a birth date) and almost none is a sentence; a visit note has dates too, but
 * on a few lines among its sentences and headings. Only the page-wide guess (the heuristic) is
 * judged: a selection, a focused field or a portal adapter's note element is the coder's choice.
 */
const TIME = /\b(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?[ap]\.?m\.?)?(?!\d)/i;
const DATE = /\b(?:(?:19|20)\d{2}-[01]\d-[0-3]\d|[01]?\d\/[0-3]?\d\/(?:19|20)?\d{2})\b/;
/** A sentence: a word of two letters or more, then a full stop, question or exclamation mark, then a space or the end. */
const SENTENCE = /[a-z]{2,}[.!?](?=\s|$)/g;

export function notANoteReason(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 5) return undefined;
  const dated = lines.filter((l) => TIME.test(l) || DATE.test(l)).length;
  const sentences = text.match(SENTENCE)?.length ?? 0;
  if (dated >= 4 && dated >= 0.6 * lines.length && sentences <= dated / 4)
    return 'it shows a schedule or a list of patients';
  return undefined;
}
