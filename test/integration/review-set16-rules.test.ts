import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/*
 * General coding rules found by a coder's review of unseen visit notes (set 16, and the set-15
 * items left over), on the real code set. Each rule has a case it must not move.
 */
const { present, shown } = realAnalyzer('the set-16 review cases');

describe.skipIf(!present)('set-16 rules', () => {
  it('the week count is the number written beside "weeks", with or without the word "pregnancy"', () => {
    const demise = shown("ASSESSMENT: Intrauterine fetal demise at 36 weeks' gestation.");
    expect(demise).toContain('Z3A.36');
    expect(demise).not.toContain('Z3A.00');
    // A fetus in the womb makes the record the mother's: no newborn prematurity code, and the
    // fetal death is no stillbirth (P95) on her claim.
    expect(demise.some((c) => c.startsWith('P'))).toBe(false);
    const young = shown('ASSESSMENT: 28-year-old with intrauterine pregnancy at 8 to 9 weeks gestation.');
    expect(young).toContain('Z3A.08');
    expect(young).not.toContain('Z3A.28');
    expect(shown('ASSESSMENT: Intrauterine pregnancy at 36 weeks gestation.')).toContain('Z3A.36');
  });

  it("weeks of gestation are the mother's record only: a premature newborn gets P07, not Z3A", () => {
    const baby = shown(
      "DISCHARGE DIAGNOSES:\n1. Prematurity, 34 weeks' gestation, now 5 days old.\n2. Neonatal jaundice.",
    );
    expect(baby).toContain('P07.37');
    expect(baby.some((c) => c.startsWith('Z3A'))).toBe(false);
  });

  it('weeks of gestation follow the pregnancy code they add to, never lead the claim', () => {
    const codes = shown('ASSESSMENT: This is a 25-year-old G1 at 39 weeks gestation with gestational hypertension.');
    expect(codes).toContain('Z3A.39');
    expect(codes[0]).toMatch(/^O/);
  });
});
