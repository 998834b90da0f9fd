import type { CodePack } from '../pack/code-pack';
import { parseDocument, type NoteDocument } from '../document/document';
import type { Encounter, Finding } from './schema';

/** Code-system shapes are shared vocabulary (lib/domain/code-system.ts); the rules import isIcd from here. */
export { codeSystemOf, isIcd } from '../domain/code-system';

export interface RuleContext {
  encounter: Encounter;
  /** The pack's view for the date of service: every answer comes from the releases in force on it. */
  pack: CodePack;
  /** The note as typed sections and statements (lib/document), parsed once per check; undefined without a note. */
  document?: () => NoteDocument | undefined;
}

/** The note's document (the engine's, parsed once; else parsed here for a rule run on its own). */
export function noteDocument(ctx: RuleContext): NoteDocument | undefined {
  if (ctx.document) return ctx.document();
  return ctx.encounter.note === undefined ? undefined : parseDocument(ctx.encounter.note);
}

/**
 * One check. Each lives in its own file under rules/ named after its id, is listed once in
 * registry.ts, and has a positive and a negative fixture (test/fixtures/rules/<id>.json) that the
 * convention test runs.
 */
export interface Rule {
  id: string;
  kind: Finding['kind'];
  title: string;
  /** The rule source, in our own words (guideline section, NCCI manual chapter, table). */
  source: string;
  run(ctx: RuleContext): Omit<Finding, 'rule' | 'kind' | 'source'>[];
}

/** Evaluation and management services: CPT 99202–99499 (every E/M family: office, ED, hospital, consults, critical care …). */
export function isEm(code: string): boolean {
  return /^99(20[2-9]|2[1-9]\d|[34]\d\d)$/.test(code);
}

/** The X{EPSU} modifiers that say more than 59 (NCCI Policy Manual Chapter I §E). */
export const X_MODIFIERS = ['XE', 'XS', 'XP', 'XU'] as const;
export const isXModifier = (m: string): boolean => (X_MODIFIERS as readonly string[]).includes(m);
/** 59 or one of its X{EPSU} subsets: the distinct-procedural-service modifiers. */
export const isDistinctModifier = (m: string): boolean => m === '59' || isXModifier(m);
