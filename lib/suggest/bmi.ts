import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';
import { guidelineSuggestion } from './guideline-suggestion';

/*
 * Body mass index (Z68): reported only with an associated diagnosis the provider documents
 * (obesity, overweight, underweight or malnutrition; Guidelines I.B.14, I.C.21.c.3), from the
 * value written in the note; adult categories from 20 years of age, pediatric percentiles
 * (Z68.5-) below it. A Z68 code the words alone suggested is replaced by the one the value gives.
 */
const ASSOCIATED = /^(E66|E44|E43|E46|R63\.6|R63\.4)/;
const BMI = /\b(?:BMI|body mass index)\b(?:\s+(?:is|of|was|=|:))?\s*(?:of\s+)?(\d{2}(?:\.\d+)?)/i;
const AGE_YEARS = /\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b/i;

function adultCode(bmi: number): string {
  if (bmi < 20) return 'Z68.1';
  if (bmi < 30) return `Z68.2${Math.floor(bmi) - 20}`;
  if (bmi < 40) return `Z68.3${Math.floor(bmi) - 30}`;
  if (bmi < 45) return 'Z68.41';
  if (bmi < 50) return 'Z68.42';
  if (bmi < 60) return 'Z68.43';
  if (bmi < 70) return 'Z68.44';
  return 'Z68.45';
}

export function bmiSuggestions(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
  release: string,
  excluded: Suggestion[] = [],
): Suggestion[] {
  const age = AGE_YEARS.exec(doc.view);
  const m = BMI.exec(doc.view);
  const rest = [
    ...claim.filter((s) => !s.code.startsWith('Z68')),
    ...weightAddressed(doc, claim, excluded, m, age ? Number(age[1]) : undefined),
  ];
  if (!rest.some((s) => ASSOCIATED.test(s.code))) return rest;
  if (age && Number(age[1]) < 20) return claim; // pediatric: percentiles, as the words said
  if (!m) return rest;
  const code = adultCode(Number(m[1]));
  const start = m.index;
  const end = m.index + m[0].length;
  const added = guidelineSuggestion(pack, code, release, {
    text: doc.text,
    spans: [{ start, end }],
    section: doc.statements.find((st) => st.start <= start && start < st.end)?.section.kind ?? 'preamble',
    matched: m[0],
    note: `body mass index ${m[1]} with a documented weight diagnosis (Guidelines I.B.14, I.C.21.c.3)`,
  });
  return added ? [...rest, added] : rest;
}

/**
 * The assessment states an adult's BMI in the obesity range ("a 34-year-old female with a BMI of
 * 43 who is interested in surgical weight loss") and the provider's own examination documents the
 * obesity ("Abdomen is obese"): the weight is addressed at the visit, and the obesity the
 * provider wrote is the diagnosis the BMI goes with (I.B.14: the BMI may come from others, the
 * diagnosis must be the provider's).
 */
function weightAddressed(
  doc: NoteDocument,
  claim: Suggestion[],
  excluded: Suggestion[],
  m: RegExpExecArray | null,
  age: number | undefined,
): Suggestion[] {
  if (!m || Number(m[1]) < 30 || (age !== undefined && age < 20) || claim.some((s) => ASSOCIATED.test(s.code)))
    return [];
  const st = doc.statements.find((x) => x.start <= m.index && m.index < x.end);
  if (st?.section.role !== 'diagnostic') return [];
  const obesity = excluded.find(
    (s) => s.system === 'ICD-10-CM' && s.code.startsWith('E66') && s.assertion === 'present' && s.section === 'exam',
  );
  return obesity
    ? [
        {
          ...obesity,
          reason: {
            ...obesity.reason,
            note: 'obesity the examination documents, with the BMI the assessment states (Guidelines I.B.14)',
          },
        },
      ]
    : [];
}
