import type { ExpandedToken } from '../text/expand';
import { stemWord } from '../text/tokens';

/**
 * A term that says "not X" ("Migraine, not intractable", G43.909) is not read from an X the
 * sentence writes without "not" before it ("Intractable migraine"): "not" is a stop word, so the
 * term's other words alone would match the opposite of what it says.
 */
export function deniesWhatIsWritten(text: string, positions: number[], tokens: ExpandedToken[]): boolean {
  const denied = /\bnot (\w+)/i.exec(text)?.[1];
  if (!denied) return false;
  const stem = stemWord(denied.toLowerCase());
  return positions.some((p) => tokens[p]!.stem === stem && tokens[p - 1]?.norm !== 'not');
}
