import type { EmNote } from './note-view';

/** Facts read from the raw text before any leveling: is it a note at all, and the patient's age. */

/** Binary or control characters, or almost no words: not a note to level. */
export function notANote(text: string): string | undefined {
  if (!text.trim()) return 'the text is empty: nothing to level';
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) control++;
  }
  if (control > Math.max(3, text.length * 0.01))
    return 'the text is not a clinical note (binary or control characters): nothing to level';
  const words = text.match(/[A-Za-z]{2,}/g) ?? [];
  if (words.length < 3) return `the text has ${words.length} word${words.length === 1 ? '' : 's'}: nothing to level`;
  return undefined;
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
const AGE_PATTERNS = [
  /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)[- ](year|yr|month|mo|week|wk|day)s?[- ]old\b/i,
  /\b(\d{1,3})[- ]?(y\/o|yo|y\.o\.)(?=\W)/i,
  /(?<!\bat )\b(?:age|aged)[:\s]+(\d{1,3})\b/i,
];

/** The patient's age in years from the note (family and social history aside: "her father died at age 86"). */
export function ageYears(read: EmNote): number | undefined {
  const text = read.statements
    .filter((s) => s.role !== 'family' && s.role !== 'social')
    .map((s) => s.text)
    .join(' ');
  for (const re of AGE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS.indexOf(m[1]!.toLowerCase()) + 1;
    const unit = (m[2] ?? 'y').toLowerCase();
    return unit.startsWith('mo') ? n / 12 : unit.startsWith('w') ? n / 52 : unit.startsWith('d') ? n / 365 : n;
  }
  return undefined;
}
