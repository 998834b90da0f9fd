import { feeScheduleOf, feeScheduleRelease, surgeryKind } from '../fee-schedule';
import { isEm, isIcd, type Rule } from '../rule';

/**
 * General ophthalmological services (CPT 92002–92014, new and established patient eye visits) are
 * visits in the global surgery rules: the NCCI Policy Manual counts them among the specialty codes
 * that are E&M services in substance (Chapter XI §U and §G.1), and Medicare pays an
 * eye visit on the day of a minor procedure only with 25 and on the day of major surgery only with
 * 57, as for an E/M (Claims Processing Manual Chapter 12 §40: the global package's visits).
 */
export const isEyeVisit = (code: string): boolean => /^920(0[24]|1[24])$/.test(code);
/** An E/M of any family or an eye visit: what the global surgery rules call a visit. */
export const isVisit = (code: string): boolean => isEm(code) || isEyeVisit(code);

/**
 * Global surgery rules for an E/M on the day of a procedure, in every E/M family (office, ED,
 * hospital, consults, critical care, preventive …) and for the eye visit codes 92002–92014, from
 * the procedure's global period in the Physician Fee Schedule (NCCI Policy Manual Chapter I §D;
 * modifiers 25 and 57 in §E):
 * - minor procedure (000/010 days): the decision to do it is part of it; an E/M is reported only
 *   when significant and separately identifiable, with 25 (57 does not apply);
 * - major surgery (090 days): the E/M that decided the surgery is reported with 57; other E/M
 *   the day before or of the surgery is part of the global package.
 * Where an NCCI PTP edit already pairs the E/M with the procedure and no modifier is given,
 * ncci-ptp speaks; this rule covers the pairs the tables do not (the manual: NCCI holds many,
 * not all, of these edits; MACs edit the major-surgery rule themselves).
 * XXX services (tests, injections, ECGs …) are outside the global rules (Chapter I §D): their own
 * pre- and post-service work is never an E/M, and a separate E/M beside them needs 25 only where an
 * NCCI PTP edit pairs the two (ncci-ptp says it). Without an edit this rule stays silent: the
 * manual calls 25 with an XXX service appropriate "in some instances", which a claim cannot show.
 * A visit on a later date inside the global period is postoperative-visit-in-global's.
 */
export const rule: Rule = {
  id: 'global-surgery-em',
  kind: 'conflict',
  title: 'E/M or eye visit (92002–92014) on the day of a procedure without the global-surgery modifier it needs',
  source: `NCCI Policy Manual Chapter I §D (global surgery: 000/010 minor, 090 major; XXX outside it) and §E (modifiers 25, 57); eye visits as visits: Chapter XI §U and §G.1, Medicare Claims Processing Manual Chapter 12 §40; global periods from the ${feeScheduleRelease()}`,
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const services = encounter.services.filter((s) => !isIcd(s.code));
    const procedures = services
      .filter((s) => !isVisit(s.code))
      .map((s) => ({ line: s, fs: feeScheduleOf(s.code) }))
      .filter((p) => p.fs && surgeryKind(p.fs.globalPeriod));
    if (procedures.length === 0) return out;
    const major = procedures.filter((p) => surgeryKind(p.fs!.globalPeriod) === 'major');
    const minor = procedures.filter((p) => surgeryKind(p.fs!.globalPeriod) === 'minor');
    const list = (ps: typeof procedures) =>
      ps.map((p) => `${p.line.code} (${p.fs!.globalPeriod}-day global)`).join(', ');
    const ptpPaired = (em: string, code: string) =>
      [...pack.ptpEdits(code, em), ...pack.ptpEdits(em, code)].some(
        (e) => e.inForceOn(encounter.dateOfService) && e.modifierIndicator !== 9,
      );
    for (const em of services.filter((s) => isVisit(s.code))) {
      const has = (m: string) => em.modifiers.includes(m);
      if (major.length) {
        // No modifier and a PTP edit pairs them: ncci-ptp says it (and names 57).
        if (has('57') || (em.modifiers.length === 0 && major.every((p) => ptpPaired(em.code, p.line.code)))) continue;
        out.push({
          severity: has('25') ? 'warning' : 'error',
          message: has('25')
            ? `${em.code}-25 is reported with major surgery ${list(major)}: 25 is the modifier for minor procedures`
            : `${em.code} is reported on the day of major surgery ${list(major)} without modifier 57`,
          rationale:
            'With a 90-day global period, the E/M that made the decision for surgery (the day before or the day of it) is reported with 57; any other preoperative E/M that day is part of the surgical package.',
          codes: [em.code, ...major.map((p) => p.line.code)],
          evidence: [],
          action: `If this visit decided the surgery, report ${em.code}-57${has('25') ? ' instead of -25' : ''}; otherwise remove ${em.code} (part of the global package).`,
        });
        continue;
      }
      if (has('25')) continue;
      const unpaired = minor.filter((p) => !ptpPaired(em.code, p.line.code));
      if (has('57')) {
        out.push({
          severity: 'error',
          message: `${em.code}-57 is reported with minor procedure ${list(minor)}: 57 is for the decision for major surgery`,
          rationale:
            'The decision to perform a minor procedure (000/010-day global) is part of the procedure; an E/M beside it is reported only when significant and separately identifiable, with 25.',
          codes: [em.code, ...minor.map((p) => p.line.code)],
          evidence: [],
          action: `Replace 57 with 25 if the record shows an E/M significant and separately identifiable from ${minor.map((p) => p.line.code).join(', ')}; otherwise remove ${em.code}.`,
        });
        continue;
      }
      if (unpaired.length === 0) continue; // the PTP edit says it (ncci-ptp)
      out.push({
        severity: 'error',
        message: `${em.code} is reported with minor procedure ${list(unpaired)} without modifier 25`,
        rationale:
          'An E/M the same day as a minor procedure is part of it — including the decision to do it, for new patients too — unless it is significant and separately identifiable, which modifier 25 says (the diagnoses may be the same).',
        codes: [em.code, ...unpaired.map((p) => p.line.code)],
        evidence: [],
        action: `If the record shows an E/M significant and separately identifiable from ${unpaired.map((p) => p.line.code).join(', ')}, append 25 to ${em.code}; otherwise remove ${em.code}.`,
      });
    }
    return out;
  },
};
