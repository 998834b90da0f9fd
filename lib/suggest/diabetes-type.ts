import type { CodePack } from '../pack/code-pack';
import type { Mention } from './mentions';

/*
 * The type of diabetes is read from the whole record: E11 is the default only "if the type of
 * diabetes mellitus is not documented in the medical record" (Official Guidelines I.C.4.a.2). A
 * note whose problem list says "Type 1 diabetes mellitus" and whose assessment says "diabetic
 * retinopathy" documents type 1 retinopathy (E10.319), not a second, type 2 diabetes (E11.319). So
 * when the note affirms type 1 in so many words and never writes type 2, every untyped diabetes
 * mention (coded by the Index default E11) takes type 1, with the same complication subcode when
 * E10 has it; so does a note that documents drug-induced diabetes (E09). A note writing two types
 * is left as written (a query to the provider).
 */
const TYPE_1_WORDS = /\b(type\s*(1|i|one)|t1\s*dm|dm\s*(1|i)\b|dm1|iddm|juvenile|insulin[- ]dependent)\b/i;
const TYPE_2_WORDS =
  /\b(type\s*(2|ii|two)|t2\s*dm|dm\s*(2|ii)\b|dm2|niddm|adult[- ]onset|non[- ]?insulin[- ]dependent)\b/i;

const affirmed = (m: Mention) =>
  !m.excludedWhy && !m.alternative && (m.assertion === 'present' || m.assertion === 'historical');

/** Diabetes a drug caused, in so many words ("Steroid induced diabetes mellitus"): E09 (Index: Diabetes, steroid-induced). */
const DRUG_INDUCED_WORDS =
  /\b(?:steroid|drug|chemical|medication)[- ]induced\b|\bdue to (?:a )?(?:drug|chemical|steroids?)\b/i;

/**
 * Rewrites untyped E11 mentions to the type the note documents when it documents one type only
 * (type 1, E10; drug or chemical induced, E09); returns how many changed.
 */
export function applyDocumentedDiabetesType(pack: CodePack, mentions: Mention[], text: string): number {
  const words = (m: Mention) => m.spans.map((s) => text.slice(s.start, s.end)).join(' ');
  const diabetes = mentions.filter((m) => /^E(08|09|10|11|13)/.test(m.code));
  if (diabetes.some((m) => affirmed(m) && TYPE_2_WORDS.test(words(m)))) return 0;
  const type1 = diabetes.some((m) => affirmed(m) && m.code.startsWith('E10') && TYPE_1_WORDS.test(words(m)));
  const drug = diabetes.some((m) => affirmed(m) && m.code.startsWith('E09') && DRUG_INDUCED_WORDS.test(words(m)));
  if (type1 === drug) return 0; // neither, or both (a query to the provider)
  const [prefix, what] = type1 ? ['E10', 'type 1 diabetes'] : ['E09', 'drug or chemical induced diabetes'];
  let changed = 0;
  for (const m of diabetes) {
    if (!m.code.startsWith('E11')) continue;
    const code = `${prefix}${m.code.slice(3)}`;
    if (!pack.codeInfo(code)?.billable) continue;
    m.refinedFrom ??= m.code;
    m.note = `the note documents ${what}: an untyped mention takes it, not the E11 default (I.C.4.a.2)`;
    m.code = code;
    changed++;
  }
  return changed;
}
