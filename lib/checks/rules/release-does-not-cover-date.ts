import type { Rule } from '../rule';

/** Answers from a release that does not cover the date of service may be wrong (codes added, deleted, edits changed). */
export const rule: Rule = {
  id: 'release-does-not-cover-date',
  kind: 'validity',
  title: 'Loaded release does not cover the date of service',
  source: 'CMS/CDC release effective dates (ICD-10-CM fiscal year Oct 1–Sep 30; HCPCS and NCCI quarterly)',
  run({ encounter, pack }) {
    // Only the releases that answer for the codes on this claim: ICD-10-CM for diagnoses,
    // HCPCS and NCCI for service lines (a diagnosis-only claim does not depend on NCCI's quarter).
    const relevant = (w: string) =>
      w.startsWith('ICD-10-CM') ? encounter.diagnoses.length > 0 : encounter.services.length > 0;
    const warnings = pack.dateWarnings(encounter.dateOfService).filter(relevant);
    if (!warnings.length) return [];
    // One finding for the claim, naming every code set concerned (one per system was noise).
    return [
      {
        severity: 'warning' as const,
        message:
          warnings.length === 1
            ? warnings[0]!
            : `${warnings.length} code sets are not in force on ${encounter.dateOfService}: ${warnings.join(' ')}`,
        rationale:
          'Codes and edits change every release; checking against an older one can miss deleted codes and new edits.',
        codes: [],
        evidence: [],
        action: 'Import the releases in force on the date of service (Options → Code sets).',
      },
    ];
  },
};
