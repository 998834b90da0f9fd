import { readCodeList, type CodeListProblem } from '../claim/code-list';
import { parseCodeList } from '../claim/parse-code-list';
import { codeSystemOf } from '../domain/code-system';
import type { CodePack } from '../pack/code-pack';
import type { CodeSystem } from './reducer';
import { claimServices } from './selectors';
import type { ReviewState, ServiceLine } from './state';

/*
 * The review's codes go through the one code-list parser the CLI uses (lib/claim/parse-code-list),
 * both ways: the claim the checks read is the review written as a code list and parsed back, and a
 * list the coder types in the search is read strictly against the pack (lib/claim/code-list). So
 * the panel says what `check` and `export` say about the same list: a modifier that is not one, a
 * code with its dot in the wrong place or without it, an unknown code, a header.
 */

/** One service line as a code-list entry: "99214-25", "20610-RTx2", "J1885x2". */
const serviceEntry = (s: ServiceLine) =>
  `${s.code}${s.modifiers.map((m) => `-${m}`).join('')}${s.units > 1 ? `x${s.units}` : ''}`;

/** The review's claim as the code list `check --codes` takes: diagnoses in claim order, then the service lines (E/M first). */
export function claimText(state: ReviewState): string {
  return [...state.diagnoses, ...claimServices(state).map(serviceEntry)].join(' ');
}

/**
 * The claim as the checks engine reads it, parsed by the shared parser: the same diagnoses,
 * service lines and unparsed entries (with why) as `check --codes "<claimText>"` gives.
 */
export function claimEncounter(state: ReviewState) {
  return parseCodeList(claimText(state));
}

/** A code the coder may add from a typed list: the entry as typed, read into claim form. */
export interface TypedCode {
  code: string;
  system: CodeSystem;
  modifiers: string[];
  units: number;
}

export interface TypedCodes {
  /** The entries with no problem, in the order typed. */
  codes: TypedCode[];
  /** What `export` would refuse in the same list (shape, unknown, header, deleted, not yet valid), each with its message. */
  problems: CodeListProblem[];
}

/** The code system of a code on the claim: the pack's, else its shape's (a CPT code is not in the pack). */
export const systemOf = (code: string, pack: CodePack): CodeSystem =>
  (pack.lookup(code)?.system as CodeSystem | undefined) ?? codeSystemOf(code) ?? 'CPT';

/**
 * A list typed in the panel ("E11.22, I10 99214-25 J1885x2"), read as `export --codes` reads it:
 * the codes that may go on the claim, and one message per entry that may not.
 */
export function readTypedCodes(text: string, pack: CodePack, dateOfService?: string): TypedCodes {
  const read = readCodeList(text, pack, dateOfService);
  // A problem's entry is the code as parsed (unknown, header …) or the text as typed (shape).
  const refused = new Set(read.problems.map((p) => p.entry));
  const codes: TypedCode[] = [
    ...read.diagnoses.map((d) => ({ code: d.code, system: 'ICD-10-CM' as const, modifiers: [], units: 1 })),
    ...read.services.map((s) => ({
      code: s.code,
      system: systemOf(s.code, pack),
      modifiers: s.modifiers,
      units: s.units,
    })),
  ].filter((c) => !refused.has(c.code));
  return { codes, problems: read.problems };
}

/** True when a search box entry reads as codes rather than words: every entry holds a digit. */
export function looksLikeCodes(text: string): boolean {
  const entries = text.split(/[,\s]+/).filter(Boolean);
  return entries.length > 0 && entries.every((e) => /\d/.test(e));
}

/**
 * A line's modifiers as typed in the panel ("25 59", "25,59", "25-59"). They are not judged here:
 * a typed "ZZ" stays on the line and the shared parser reports it on the claim, as `check` does;
 * more than 4 is the summary's message (CMS-1500 box 24D).
 */
export function modifiersOf(text: string): string[] {
  return text
    .toUpperCase()
    .split(/[\s,-]+/)
    .filter(Boolean);
}
