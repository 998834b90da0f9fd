import type { Setting } from '../domain/setting';
import type { CodePack } from '../pack/code-pack';
import type { Dictionary } from './dictionary';
import { familyCode, historyCode } from './assertion-map';
import type { Mention } from './mentions';
import type { Suggestion } from './schema';

/** Guidelines on what a mention becomes given how it is asserted (IV.H outpatient uncertainty, I.C.21.c.4 history). */
export function applyAssertion(pack: CodePack, dict: Dictionary, m: Mention, setting: Setting): Mention {
  const symptom = m.code.startsWith('R');
  switch (m.assertion) {
    case 'negated':
      return { ...m, excludedWhy: 'documented as absent' };
    case 'hypothetical':
      return { ...m, excludedWhy: 'hypothetical / conditional mention' };
    case 'possible':
      if (setting === 'office' && !symptom) {
        return {
          ...m,
          excludedWhy:
            'uncertain diagnosis: in the office setting code the signs and symptoms instead (Guidelines IV.H)',
        };
      }
      return { ...m, score: m.score * 0.8 };
    case 'other_person':
      return { ...m, excludedWhy: "another person's condition (a spouse or partner): not the patient's" };
    case 'family': {
      const f = familyCode(pack, dict, m.code);
      if (!f) return { ...m, excludedWhy: 'condition of a family member: no matching family-history code' };
      return { ...m, code: f.code, mappedFrom: m.code, note: f.note };
    }
    case 'historical': {
      // "s/p hysterectomy", "status post CABG": a status or history code IS what the history says
      // (Z85-Z87 personal history, Z88 allergy status, Z89 an absent limb, Z90-Z99 other statuses).
      if (/^Z(8[5-9]|9)/.test(m.code)) return m;
      // The Index's "Status (post)" entries outside Z name the state the operation left, present
      // now: "status post total thyroidectomy" is postprocedural hypothyroidism E89.0, an
      // adrenalectomy E89.6 — in the provider's diagnostic statements.
      if (m.via === 'index' && /^status\b/i.test(m.matched) && m.role === 'diagnostic')
        return { ...m, assertion: 'present', note: 'the state the operation left, present now (Index: Status (post))' };
      const h = historyCode(pack, dict, m.code);
      if (h === 'keep')
        return {
          ...m,
          score: m.score * 0.9,
          note: 'chronic condition documented in the history: code it if it is still present and affects care',
        };
      // A past condition is reported by its personal-history code or not at all: never as current
      // ("history of kidney stones" is Z87.442, "past history of concussion" is not S06.0X0A).
      if (!h)
        return {
          ...m,
          excludedWhy: 'documented as history, and no personal-history code names it (Guidelines I.C.21.c.4)',
        };
      return { ...m, code: h.code, mappedFrom: m.code, note: h.note };
    }
    default:
      return m;
  }
}

/** The suggestion with its CMS-HCC category, where the mapping has one for the code. */
export function withHcc(pack: CodePack, s: Suggestion): Suggestion {
  const h = pack.hccOf(s.code);
  return h
    ? {
        ...s,
        hcc: {
          category: h.category,
          ...(h.label ? { label: h.label } : {}),
          model: h.model,
          paymentYear: h.paymentYear,
        },
      }
    : s;
}
