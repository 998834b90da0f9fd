import { checkEncounter as runChecks } from '../../lib/checks/engine';
import { EncounterSchema, type Finding } from '../../lib/checks/schema';
import type { CodePack } from '../../lib/pack/code-pack';
import { NoteAnalyzer } from '../../lib/suggest/analyze';

const analyzers = new WeakMap<CodePack, NoteAnalyzer>();

/**
 * The checks engine as the tests call it: an encounter given with a note only (rule fixtures,
 * integration cases) is analysed here first, the way every product caller analyses its note
 * before it asks for findings (the engine itself never builds an analysis).
 */
export function checkEncounter(input: unknown, pack: CodePack, rules?: Parameters<typeof runChecks>[2]): Finding[] {
  const encounter = EncounterSchema.parse(input);
  if (encounter.note === undefined || encounter.analysis) return runChecks(encounter, pack, rules);
  let analyzer = analyzers.get(pack);
  if (!analyzer) analyzers.set(pack, (analyzer = new NoteAnalyzer(pack)));
  const analysis = analyzer.analyze(encounter.note, {
    setting: encounter.setting,
    dateOfService: encounter.dateOfService,
  });
  return runChecks({ ...encounter, analysis }, pack, rules);
}
