import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/* The E/M rules found on the coder's review of unseen notes (set 21). */
describe('set-21 E/M rules', () => {
  it("an earlier stay's discharge told in the history leaves a case presentation without a level", () => {
    const note =
      'CHIEF COMPLAINT: Abdominal pain.\nHISTORY OF PRESENT ILLNESS: She had been admitted recently with fevers. Blood cultures grew Streptococcus mitis. The patient was discharged on ethambutol and clarithromycin.\n' +
      'PHYSICAL EXAMINATION: The abdomen was distended.\nHOSPITAL COURSE: The patient was admitted and a nasogastric tube was placed. An abdominal CT scan was obtained. A diagnostic procedure was performed.';
    expect(levelEncounter(note).nothingToLevel).toMatch(/case presentation/);
    // This stay's discharge, told in the course, is discharge day management.
    expect(levelEncounter(`${note} She was discharged home.`).code).toBe('99238');
  });

  it("the operating surgeon's discharge inside the global package: taken to surgery, followed in the author's office within days", () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: A 31-year-old admitted with pelvic pain.\nHOSPITAL COURSE: The patient was taken to surgery and a laparotomy was performed with findings of a right ruptured ectopic pregnancy. The right salpingectomy was performed with no complications. ' +
      'The hospital course was uneventful. The patient was dismissed on 09/09/2007 to be followed in my office in 4 days.\nFINAL DIAGNOSES:\n1. Right ruptured ectopic pregnancy.\nPLAN: Dismissed on pain medication.';
    expect(levelEncounter(note).nothingToLevel).toMatch(/global surgical package/);
    // Followed up by the author months later: a physician's own follow-up, not the surgeon's postoperative visit.
    expect(levelEncounter(note.replace('in 4 days', 'in 3 months')).code).toBe('99238');
  });
});
