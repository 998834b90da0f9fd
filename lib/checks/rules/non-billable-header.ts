import { isIcd, type Rule } from '../rule';

/** Only codes valid for HIPAA transactions (the leaves) are billable (Guidelines I.B.2, highest specificity). */
export const rule: Rule = {
  id: 'non-billable-header',
  kind: 'validity',
  title: 'Category or subcategory header reported',
  source: 'ICD-10-CM Official Guidelines I.B.2 (report the highest number of characters available); order file flag 0',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const info = pack.codeInfo(d.code);
      if (!info || info.billable) continue;
      const children = info.children.slice(0, 8).map((c) => c.code);
      const seven = pack.sevenChrFor(d.code);
      out.push({
        severity: 'error',
        message: `${info.code} (${info.title}) is a header, not billable`,
        rationale:
          seven && children.length === 0
            ? 'This code needs a 7th character.'
            : 'Headers are rejected on claims; a more specific code exists.',
        codes: [info.code],
        evidence: [],
        action:
          seven && children.every((c) => c.replace('.', '').length === 7)
            ? `Add the 7th character (${seven.values
                .map((v) => `${v.char} ${v.text}`)
                .slice(0, 4)
                .join('; ')}…), e.g. ${children[0] ?? `${info.code}A`}.`
            : `Pick the specific code the documentation supports: ${children.join(', ')}${info.children.length > 8 ? ', …' : ''}.`,
      });
    }
    return out;
  },
};
