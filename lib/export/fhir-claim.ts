import type { CodedSummary } from '../summary/schema';

/**
 * FHIR R4 Claim (status draft, use claim, type professional) from the coded summary.
 * Diagnoses keep their claim order (sequence 1..12 = pointers A..L); each item points to
 * diagnoses by sequence (diagnosisSequence), carries modifiers and units; CPT codes use the AMA
 * system URI, HCPCS the CMS one, ICD-10-CM the NLM/CDC one (HL7 terminology registry).
 * Patient, provider and insurer are references the billing system resolves; identifiers the
 * user typed are carried as display/identifier only, never invented.
 */
export const SYSTEMS = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  processPriority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  diagnosisType: 'http://terminology.hl7.org/CodeSystem/ex-diagnosistype',
  pos: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
} as const;

export interface FhirClaimOptions {
  /** Creation time stamp (tests pass a fixed one). */
  created?: string;
  id?: string;
}

export function summaryToFhirClaim(s: CodedSummary, opts: FhirClaimOptions = {}): Record<string, unknown> {
  const pointerSeq = new Map(s.diagnoses.map((d, i) => [d.pointer, i + 1]));
  const patient: Record<string, unknown> = { display: s.patient.name ?? 'patient (to be confirmed)' };
  if (s.patient.memberId) patient.identifier = { type: { text: 'member id' }, value: s.patient.memberId };
  return {
    resourceType: 'Claim',
    ...(opts.id ? { id: opts.id } : {}),
    meta: { tag: [{ system: 'urn:chartcoder', code: 'coded-summary', display: 'Draft from a ChartCoder review' }] },
    status: 'draft',
    type: { coding: [{ system: SYSTEMS.claimType, code: 'professional' }] },
    use: 'claim',
    patient,
    billablePeriod: { start: s.encounter.dateOfService, end: s.encounter.dateOfService },
    created: opts.created ?? new Date().toISOString(),
    provider: { display: s.encounter.renderingProvider ?? 'rendering provider (to be confirmed)' },
    priority: { coding: [{ system: SYSTEMS.processPriority, code: 'normal' }] },
    insurance: [{ sequence: 1, focal: true, coverage: { display: 'coverage on file (to be confirmed)' } }],
    diagnosis: s.diagnoses.map((d, i) => ({
      sequence: i + 1,
      diagnosisCodeableConcept: {
        coding: [{ system: SYSTEMS.icd10cm, code: d.code, ...(d.description ? { display: d.description } : {}) }],
      },
      ...(i === 0 ? { type: [{ coding: [{ system: SYSTEMS.diagnosisType, code: 'principal' }] }] } : {}),
    })),
    item: s.lines.map((l, i) => ({
      sequence: i + 1,
      diagnosisSequence: l.pointers.map((p) => pointerSeq.get(p)!),
      productOrService: {
        coding: [
          {
            system: l.system === 'CPT' ? SYSTEMS.cpt : SYSTEMS.hcpcs,
            code: l.code,
            ...(l.description ? { display: l.description } : {}),
          },
        ],
      },
      ...(l.modifiers.length
        ? {
            modifier: l.modifiers.map((m) => ({
              coding: [{ system: l.system === 'CPT' ? SYSTEMS.cpt : SYSTEMS.hcpcs, code: m }],
            })),
          }
        : {}),
      servicedDate: l.date ?? s.encounter.dateOfService,
      locationCodeableConcept: { coding: [{ system: SYSTEMS.pos, code: s.encounter.placeOfService }] },
      quantity: { value: l.units },
      ...(l.charge !== undefined
        ? {
            unitPrice: { value: Number((l.charge / l.units).toFixed(2)), currency: 'USD' },
            net: { value: l.charge, currency: 'USD' },
          }
        : {}),
    })),
    ...(s.lines.some((l) => l.charge !== undefined)
      ? { total: { value: Number(s.lines.reduce((t, l) => t + (l.charge ?? 0), 0).toFixed(2)), currency: 'USD' } }
      : {}),
  };
}
