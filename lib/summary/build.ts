import type { CodePack } from '../pack/code-pack';
import { CodedSummarySchema, MAX_POINTERS, POINTERS, placeOfService, type CodedSummary } from './schema';
import { codeSystemOf } from '../domain/code-system';
import type { Setting } from '../domain/setting';

export interface SummaryDraft {
  dateOfService: string;
  setting: Setting;
  renderingProvider?: string;
  /** Accepted diagnosis codes in the order the coder wants them (first = first-listed). */
  diagnoses: string[];
  /** Accepted services, each optionally with modifiers/units/pointers. */
  services: { code: string; modifiers?: string[]; units?: number; pointers?: string[]; charge?: number }[];
  patient?: CodedSummary['patient'];
  findings?: CodedSummary['findings'];
  /** Titles of CPT codes come from the user's licensed file, never from the product. */
  cptTitle?: (code: string) => string | undefined;
}

/**
 * Builds the coded summary from the coder's decisions. Lines without explicit pointers point to
 * the first diagnoses (up to 4), the usual default that the coder then edits. Throws the Zod
 * messages when a limit is broken (12 diagnoses, 4 pointers, 4 modifiers, 50 lines).
 */
export function buildSummary(draft: SummaryDraft, pack: CodePack): CodedSummary {
  const diagnoses = draft.diagnoses.map((code, i) => ({
    pointer: POINTERS[i] ?? 'L',
    code,
    description: pack.titleOf(code),
  }));
  const defaultPointers = diagnoses.slice(0, MAX_POINTERS).map((d) => d.pointer);
  const lines = draft.services.map((s) => {
    const hcpcs = codeSystemOf(s.code) === 'HCPCS';
    return {
      code: s.code,
      system: hcpcs ? ('HCPCS' as const) : ('CPT' as const),
      description: (hcpcs ? pack.lookup(s.code)?.title : draft.cptTitle?.(s.code)) ?? '',
      modifiers: s.modifiers ?? [],
      units: s.units ?? 1,
      pointers: s.pointers ?? (defaultPointers.length ? defaultPointers : ['A']),
      ...(s.charge !== undefined ? { charge: s.charge } : {}),
    };
  });
  const releases = pack
    .coverage(draft.dateOfService)
    .map((c) => ({ system: c.system, release: c.release, effectiveFrom: c.effectiveFrom, effectiveTo: c.effectiveTo }));
  const input = {
    version: 1 as const,
    encounter: {
      dateOfService: draft.dateOfService,
      placeOfService: placeOfService(draft.setting),
      setting: draft.setting,
      ...(draft.renderingProvider ? { renderingProvider: draft.renderingProvider } : {}),
    },
    patient: draft.patient ?? { confirmed: false },
    diagnoses:
      diagnoses.length > POINTERS.length
        ? [
            ...diagnoses.slice(0, POINTERS.length),
            ...diagnoses.slice(POINTERS.length).map((d) => ({ ...d, pointer: 'L' as const })),
          ]
        : diagnoses,
    lines,
    findings: draft.findings ?? [],
    releases,
  };
  return CodedSummarySchema.parse(input);
}
