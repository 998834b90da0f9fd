import { codeFirstOf, namedBy } from '../manifestation';
import { isIcd, type Rule } from '../rule';

/**
 * Etiology first, manifestation second (Guidelines I.A.13): a manifestation code — its title says
 * "in (other) diseases classified elsewhere", or the Tabular's "code first" note requires the
 * underlying condition — is never first-listed. A "code first" note that applies when the named
 * condition is present also orders the two when both are reported.
 */
export const rule: Rule = {
  id: 'manifestation-first-listed',
  kind: 'conflict',
  title: 'Manifestation or "code first" code listed before its underlying condition',
  source:
    'ICD-10-CM Official Guidelines I.A.13 (etiology/manifestation convention; code first notes); Tabular "code first" notes of the release in force',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const dx = [...encounter.diagnoses].filter((d) => isIcd(d.code)).sort((a, b) => a.line - b.line);
    dx.forEach((d, i) => {
      const cf = codeFirstOf(pack, d.code);
      if (!cf) return;
      const where = cf.notes[0] ? ` (code first note at ${cf.notes[0].from}, tabular ${cf.notes[0].release})` : '';
      if (i === 0 && cf.kind === 'manifestation') {
        const etiology = dx.find((e) => namedBy(cf, e.code));
        out.push({
          severity: 'error',
          message: `${cf.code} (${cf.title}) is a manifestation code and is listed first${where}`,
          rationale:
            'A manifestation code describes the effect of an underlying disease; it may not be first-listed — the underlying condition comes first.',
          codes: [cf.code, ...(etiology ? [etiology.code] : [])],
          evidence: [],
          action: etiology
            ? `List ${etiology.code} first, then ${cf.code}.`
            : 'List the underlying (etiology) condition first, then this code.',
        });
        return;
      }
      const later = dx.slice(i + 1).find((e) => namedBy(cf, e.code));
      if (!later) return;
      out.push({
        severity: cf.kind === 'manifestation' ? 'error' : 'warning',
        message: `${cf.code} is listed before ${later.code}, which its "code first" note names${where}`,
        rationale:
          'When the condition a "code first" note names is present, it is sequenced before the code that carries the note.',
        codes: [cf.code, later.code],
        evidence: [],
        action: `List ${later.code} before ${cf.code}.`,
      });
    });
    return out;
  },
};
