import type { CodePack } from '../pack/code-pack';
import type { Mention } from './mentions';

/*
 * The type of diabetes is read from the whole record: E11 is the default only "if the type of
 * diabetes mellitus is not documented in the medical record" (Official Guidelines I.C.4.a.2). A
 * note whose problem list says "Type 1 diabetes mellitus" and whose assessment says "diabetic
 * retinopathy" documents type 1 retinopathy (E10.319), not a second, type 2 diabetes (E11.319). So
 * when the note affirms type 1 in so many words and never writes type 2, every untyped diabetes
 * mention (coded by the Index default E11) takes type 1, with the same complication subcode when
 * E10 has it. A note writing both types is left as written (a query to the provider).
 */
const TYPE_1_WORDS = /\b(type\s*(1|i|one)|t1\s*dm|dm\s*(1|i)\b|dm1|iddm|juvenile|insulin[- ]dependent)\b/i;
const TYPE_2_WORDS =
  /\b(type\s*(2|ii|two)|t2\s*dm|dm\s*(2|ii)\b|dm2|niddm|adult[- ]onset|non[- ]?insulin[- ]dependent)\b/i;

const affirmed = (m: Mention) =>
  !m.excludedWhy && !m.alternative && (m.assertion === 'present' || m.assertion === 'historical');

/** Rewrites untyped E11 mentions to type 1 when the note documents type 1 only; returns how many changed. */
export function applyDocumentedDiabetesType(pack: CodePack, mentions: Mention[], text: string): number {
  const words = (m: Mention) => m.spans.map((s) => text.slice(s.start, s.end)).join(' ');
  const diabetes = mentions.filter((m) => /^E(08|09|10|11|13)/.test(m.code));
  if (!diabetes.some((m) => affirmed(m) && m.code.startsWith('E10') && TYPE_1_WORDS.test(words(m)))) return 0;
  if (diabetes.some((m) => affirmed(m) && TYPE_2_WORDS.test(words(m)))) return 0;
  let changed = 0;
  for (const m of diabetes) {
    if (!m.code.startsWith('E11')) continue;
    const code = `E10${m.code.slice(3)}`;
    if (!pack.codeInfo(code)?.billable) continue;
    m.refinedFrom ??= m.code;
    m.note = 'the note documents type 1 diabetes: an untyped mention takes it, not the E11 default (I.C.4.a.2)';
    m.code = code;
    changed++;
  }
  return changed;
}
