import type { Assertion } from '../text/context';

/**
 * What a section's heading says of every condition in it, when the sentence itself asserts it: a
 * family history is the family's, a past history is past, and a differential diagnosis lists what
 * the provider is still ruling in or out — uncertain, not a diagnosis (Guidelines IV.H; II.H).
 */
export const SECTION_ASSERTION: Record<string, Assertion> = {
  family_history: 'family',
  pmh: 'historical',
  psh: 'historical',
  differential: 'possible',
};
