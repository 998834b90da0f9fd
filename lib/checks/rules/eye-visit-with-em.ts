import { isEm, isIcd, type Rule } from '../rule';
import { isEyeVisit } from './global-surgery-em';

/**
 * The general ophthalmological services 92002–92014 are the eye specialty's visit codes: an E/M
 * (99202–99499) reported the same day includes them, and they are not reported beside one (NCCI
 * Policy Manual Chapter XI §G.1; Chapter XI §U: specialty codes that are E&M services in
 * substance, with general ophthalmological services as the example, are not reported with a
 * separate E&M on the same date). No PTP edit pairs them, so only this rule sees it.
 */
export const rule: Rule = {
  id: 'eye-visit-with-em',
  kind: 'conflict',
  title: 'Eye visit code (92002–92014) and an E/M on the same date',
  source:
    'NCCI Policy Manual Chapter XI §G.1 (general ophthalmological services are part of an E&M reported that day) and §U (specialty visit codes are not reported with a separate E&M)',
  run({ encounter }) {
    const services = encounter.services.filter((s) => !isIcd(s.code));
    const eye = services.filter((s) => isEyeVisit(s.code));
    const em = services.filter((s) => isEm(s.code));
    if (eye.length === 0 || em.length === 0) return [];
    const eyeCodes = eye.map((s) => s.code).join(', ');
    const emCodes = em.map((s) => s.code).join(', ');
    return [
      {
        severity: 'error',
        message: `Eye visit ${eyeCodes} and E/M ${emCodes} are reported for the same date`,
        rationale:
          'An E/M includes the general ophthalmological examination of that day; the eye visit codes and the E/M codes are two ways of reporting one visit.',
        codes: [...eye.map((s) => s.code), ...em.map((s) => s.code)],
        evidence: [],
        action: `Report one visit: either ${eyeCodes} (eye examination) or ${emCodes} (E/M), whichever the record and payer call for — not both.`,
      },
    ];
  },
};
