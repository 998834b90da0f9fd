import { isIcd, type Rule } from '../rule';

const MAI_TEXT: Record<number, string> = {
  1: 'MAI 1, line edit: more units may be reported on another line with 59/X{EPSU}, 76 or 77 when documented',
  2: 'MAI 2, date-of-service edit based on policy: the value cannot be exceeded',
  3: 'MAI 3, date-of-service edit based on clinical benchmarks: exceeding it needs documentation and is decided on appeal',
};

/** Units of a code over its Medically Unlikely Edit value (NCCI Policy Manual Chapter I, MUE). */
export const rule: Rule = {
  id: 'mue-units',
  kind: 'conflict',
  title: 'Units over the MUE value',
  source:
    'CMS NCCI MUE tables (practitioner / outpatient hospital) and NCCI Policy Manual Chapter I (MUE adjudication indicators)',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const service = encounter.setting === 'hospital' ? 'outpatient-hospital' : 'practitioner';
    const total = new Map<string, number>();
    for (const s of encounter.services) if (!isIcd(s.code)) total.set(s.code, (total.get(s.code) ?? 0) + s.units);
    for (const [code, units] of total) {
      const m = pack.mue(code, service);
      if (!m || units <= m.value) continue;
      if (m.value === 0) {
        // MUE 0: not payable to Medicare at all (consultation codes, statutory exclusions, bundled or invalid codes).
        out.push({
          severity: 'warning',
          message: `${code}: the MUE is 0 (${m.source.system} ${m.source.release}, ${service}): Medicare does not pay this code`,
          rationale: `An MUE of 0 marks a code Medicare does not pay as reported (not covered, statutorily excluded, bundled or invalid for this setting). CMS rationale: ${m.rationale || 'not given'}.`,
          codes: [code],
          evidence: [],
          action: `For Medicare, report the code Medicare accepts for this service (for a consultation, the visit code of the setting); bill ${code} only to payers that cover it.`,
        });
        continue;
      }
      out.push({
        severity: m.mai === 2 ? 'error' : 'warning',
        message: `${code}: ${units} units reported, MUE is ${m.value} (${m.source.system} ${m.source.release}, ${service})`,
        rationale: `${MAI_TEXT[m.mai] ?? `MAI ${m.mai}`}. CMS rationale: ${m.rationale || 'not given'}.`,
        codes: [code],
        evidence: [],
        action:
          m.mai === 2
            ? `Report at most ${m.value} ${m.value === 1 ? 'unit' : 'units'}.`
            : `Report ${m.value} ${m.value === 1 ? 'unit' : 'units'} unless the record documents more (then be ready to appeal with it).`,
      });
    }
    return out;
  },
};
