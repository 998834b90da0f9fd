import { isIcd, type Rule } from '../rule';

/**
 * Codes that only apply to one sex or age (pregnancy chapter O, perinatal chapter P, titles that
 * say female / male): checked against the patient when given (CMS Medicare Code Editor edits).
 */
export const rule: Rule = {
  id: 'sex-age-conflict',
  kind: 'validity',
  title: 'Code inconsistent with the patient’s sex or age',
  source: 'CMS Medicare Code Editor (sex and age edits); ICD-10-CM chapters 15 (pregnancy) and 16 (perinatal)',
  run({ encounter, pack }) {
    const { sex, ageYears } = encounter.patient;
    if (sex === undefined && ageYears === undefined) return [];
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const title = pack.codeInfo(d.code)?.title ?? '';
      const female = d.code.startsWith('O') || /\bfemale\b|\b(uterus|ovary|cervix|vagina|vulva|pregnan)/i.test(title);
      const male =
        /\bmale\b(?! breast)|\b(prostat|testis|testic|scrot|penis)/i.test(title) && !/\bfemale\b/i.test(title);
      const why =
        sex === 'male' && female
          ? 'is for female patients'
          : sex === 'female' && male
            ? 'is for male patients'
            : ageYears !== undefined && d.code.startsWith('P') && ageYears > 0
              ? 'is for newborns (perinatal period)'
              : ageYears !== undefined && d.code.startsWith('O') && (ageYears < 9 || ageYears > 64)
                ? 'is a pregnancy code outside the ages CMS accepts (9–64)'
                : undefined;
      if (!why) continue;
      out.push({
        severity: 'error',
        message:
          `${d.code} (${title}) ${why}; the patient is ${sex ?? ''}${ageYears !== undefined ? ` ${ageYears} years` : ''}`.trim(),
        rationale: 'Claims with sex- or age-inconsistent codes are rejected by the code editor.',
        codes: [d.code],
        evidence: [],
        action: 'Check the patient identity and the code; correct whichever is wrong.',
      });
    }
    return out;
  },
};
