import type { CodePack } from '../pack/code-pack';
import type { Encounter, Finding } from './schema';

export interface RuleContext {
  encounter: Encounter;
  pack: CodePack;
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

/** ICD-10-CM codes start with a letter and have a dot or 3 characters; CPT/HCPCS are 5 characters. */
export function isIcd(code: string): boolean {
  return /^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/.test(code);
}
