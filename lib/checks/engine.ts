import type { CodePack } from '../pack/code-pack';
import { parseDocument, type NoteDocument } from '../document/document';
import type { RuleContext } from './rule';
import { RULES } from './registry';
import { EncounterSchema, FindingSchema, type Encounter, type Finding } from './schema';

/**
 * Runs every registered rule on an encounter; findings are validated and ordered errors first.
 * Every rule answers from the releases in force on the date of service (`pack.atDate`): ICD-10-CM
 * by fiscal year, HCPCS and NCCI tables by quarter (release-resolver.ts).
 *
 * The engine only reads: documentation rules read the note through the analysis its caller made
 * (the caller already has one, with the analyzer it keeps), so a note comes with its analysis.
 */
export function checkEncounter(input: unknown, pack: CodePack, rules = RULES): Finding[] {
  const encounter: Encounter = EncounterSchema.parse(input);
  if (encounter.note !== undefined && !encounter.analysis) {
    throw new Error(
      'checkEncounter: a note was given without its analysis; analyze the note (NoteAnalyzer.analyze) and pass both',
    );
  }
  const view = pack.dateOfService === encounter.dateOfService ? pack : pack.atDate(encounter.dateOfService);
  let doc: NoteDocument | undefined;
  const ctx: RuleContext = {
    encounter,
    pack: view,
    document: () => (encounter.note === undefined ? undefined : (doc ??= parseDocument(encounter.note))),
  };
  const order = { error: 0, warning: 1, info: 2 };
  const findings = rules.flatMap((r) =>
    r.run(ctx).map((f) => FindingSchema.parse({ ...f, rule: r.id, kind: r.kind, source: r.source })),
  );
  return findings.sort((a, b) => order[a.severity] - order[b.severity] || a.rule.localeCompare(b.rule));
}
