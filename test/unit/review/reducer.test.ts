import { describe, expect, it } from 'vitest';
import {
  claimLines,
  claimServices,
  codesOnClaim,
  emptyReview,
  fillGate,
  parseReview,
  reduceReview,
  summaryDraft,
  type ReviewAction,
  type ReviewState,
} from '../../../lib/review';

const banner = { name: 'Doe, Jane', dob: '1960-04-02', memberId: 'AB123' };
const open = (key = 'chart-1'): ReviewAction => ({ type: 'open-chart', key, banner });

/** Applies actions in order; returns the final state and every event. */
function run(actions: ReviewAction[], start: ReviewState = emptyReview()) {
  let state = start;
  const events = [];
  for (const a of actions) {
    const step = reduceReview(state, a);
    state = step.state;
    events.push(...step.events);
  }
  return { state, events };
}

describe('review reducer', () => {
  it('opening a chart starts a review with the banner patient', () => {
    const { state, events } = run([open()]);
    expect(state.key).toBe('chart-1');
    expect(state.patient).toMatchObject({ name: 'Doe, Jane', dob: '1960-04-02', memberId: 'AB123', confirmed: false });
    expect(events).toEqual([]);
  });

  it('accept puts the code on the claim and logs it; withdrawing takes it off', () => {
    const a = run([open(), { type: 'decide', code: 'E11.9', system: 'ICD-10-CM', decision: { status: 'accepted' } }]);
    expect(a.state.diagnoses).toEqual(['E11.9']);
    expect(a.events).toEqual([{ kind: 'accepted', code: 'E11.9' }]);
    const b = run([{ type: 'decide', code: 'E11.9', system: 'ICD-10-CM', decision: undefined }], a.state);
    expect(b.state.diagnoses).toEqual([]);
    expect(b.state.decisions).toEqual({});
    expect(b.events).toEqual([{ kind: 'rejected', code: 'E11.9', detail: 'decision withdrawn' }]);
  });

  it('reject after accept removes the code; reject alone adds nothing', () => {
    const { state, events } = run([
      open(),
      { type: 'decide', code: 'I10', system: 'ICD-10-CM', decision: { status: 'accepted' } },
      { type: 'decide', code: 'I10', system: 'ICD-10-CM', decision: { status: 'rejected' } },
      { type: 'decide', code: 'E78.5', system: 'ICD-10-CM', decision: { status: 'rejected' } },
    ]);
    expect(state.diagnoses).toEqual([]);
    expect(state.decisions).toEqual({ I10: { status: 'rejected' }, 'E78.5': { status: 'rejected' } });
    expect(events.map((e) => e.kind)).toEqual(['accepted', 'rejected', 'rejected']);
  });

  it('replace swaps the suggested code for the replacement in place of it', () => {
    const { state, events } = run([
      open(),
      { type: 'decide', code: 'E11.9', system: 'ICD-10-CM', decision: { status: 'accepted' } },
      { type: 'add', code: 'I10', system: 'ICD-10-CM' },
      { type: 'decide', code: 'E11.9', system: 'ICD-10-CM', decision: { status: 'accepted', replacedBy: 'E11.65' } },
    ]);
    expect(state.diagnoses).toEqual(['E11.65', 'I10']);
    expect(events[2]).toEqual({ kind: 'replaced', code: 'E11.9', detail: 'replaced by E11.65' });
  });

  it('a service keeps the suggestion units; a replacement starts at one unit', () => {
    const a = run([
      open(),
      { type: 'decide', code: 'J1100', system: 'HCPCS', units: 10, decision: { status: 'accepted' } },
    ]);
    expect(a.state.services).toEqual([{ code: 'J1100', modifiers: [], units: 10 }]);
    const b = run(
      [
        {
          type: 'decide',
          code: 'J1100',
          system: 'HCPCS',
          units: 10,
          decision: { status: 'accepted', replacedBy: 'J1094' },
        },
      ],
      a.state,
    );
    expect(b.state.services).toEqual([{ code: 'J1094', modifiers: [], units: 1 }]);
  });

  it('add from search logs the source; adding twice keeps one', () => {
    const { state, events } = run([
      open(),
      { type: 'add', code: '99213', system: 'CPT' },
      { type: 'add', code: '99213', system: 'CPT' },
      { type: 'add', code: 'Z79.4', system: 'ICD-10-CM' },
    ]);
    expect(state.services.map((s) => s.code)).toEqual(['99213']);
    expect(state.diagnoses).toEqual(['Z79.4']);
    expect(events[0]).toEqual({ kind: 'accepted', code: '99213', detail: 'added from search' });
  });

  it('remove takes the code and the decision that put it there', () => {
    const { state, events } = run([
      open(),
      { type: 'decide', code: 'E11.9', system: 'ICD-10-CM', decision: { status: 'accepted', replacedBy: 'E11.65' } },
      { type: 'remove', code: 'E11.65' },
    ]);
    expect(state.diagnoses).toEqual([]);
    expect(state.decisions).toEqual({});
    expect(events.at(-1)).toEqual({ kind: 'rejected', code: 'E11.65', detail: 'removed from the summary' });
  });

  it('reorder moves a diagnosis and stops at either end', () => {
    const base = run([
      open(),
      ...['A', 'B', 'C'].map((code): ReviewAction => ({ type: 'add', code, system: 'ICD-10-CM' })),
    ]).state;
    expect(run([{ type: 'move', code: 'C', dir: -1 }], base).state.diagnoses).toEqual(['A', 'C', 'B']);
    expect(run([{ type: 'move', code: 'A', dir: -1 }], base).state.diagnoses).toEqual(['A', 'B', 'C']);
    expect(run([{ type: 'move', code: 'C', dir: 1 }], base).state.diagnoses).toEqual(['A', 'B', 'C']);
    expect(run([{ type: 'move', code: 'Z', dir: 1 }], base).state).toBe(base);
  });

  it('the E/M code goes first on the claim; editing its modifiers gives it a line; taking it off removes the line', () => {
    const a = run([
      open(),
      { type: 'add', code: 'J1100', system: 'HCPCS' },
      { type: 'em', code: '99214', offered: '99214' },
      { type: 'edit-service', code: '99214', patch: { modifiers: ['25'] } },
    ]);
    expect(claimServices(a.state).map((s) => `${s.code}${s.modifiers.join('')}`)).toEqual(['9921425', 'J1100']);
    expect(claimLines(a.state).services[0]).toEqual({ code: '99214', modifiers: ['25'], units: 1, line: 1 });
    expect(a.events.at(-1)).toEqual({ kind: 'accepted', code: '99214', detail: 'E/M level' });
    const b = run([{ type: 'em', code: undefined, offered: '99214' }], a.state);
    expect(claimServices(b.state).map((s) => s.code)).toEqual(['J1100']);
    expect(b.events).toEqual([{ kind: 'rejected', code: '99214', detail: 'E/M level' }]);
    // Editing a code that is not on the claim changes nothing.
    expect(run([{ type: 'edit-service', code: '99999', patch: { units: 2 } }], b.state).state).toBe(b.state);
  });

  it('finding states: acknowledge and override are logged with the rule and reason; clearing logs nothing', () => {
    const f = { key: 'excludes1-pair:A,B', rule: 'excludes1-pair', codes: ['A', 'B'] };
    const { state, events } = run([
      open(),
      { type: 'finding', ...f, state: { status: 'overridden', reason: 'both documented' } },
    ]);
    expect(state.findingStates[f.key]).toEqual({ status: 'overridden', reason: 'both documented' });
    expect(events).toEqual([{ kind: 'finding-overridden', code: 'A B', detail: 'excludes1-pair: both documented' }]);
    const cleared = run([{ type: 'finding', ...f, state: undefined }], state);
    expect(cleared.state.findingStates).toEqual({});
    expect(cleared.events).toEqual([]);
  });

  it('patient, date of service and visit family are part of the review', () => {
    const { state } = run([
      open(),
      {
        type: 'patient',
        patient: { name: 'Doe, Jane', dob: '1960-04-02', memberId: 'AB123', provider: 'Dr. A', confirmed: true },
      },
      { type: 'date', date: '2026-11-30' },
      { type: 'visit', visit: 'ed' },
    ]);
    expect(state).toMatchObject({
      dateOfService: '2026-11-30',
      visit: 'ed',
      patient: { confirmed: true, provider: 'Dr. A' },
    });
  });

  it('a new chart clears the decisions (no codes carried to the next patient); the provider stays', () => {
    const first = run([
      open('chart-1'),
      { type: 'patient', patient: { name: 'Doe, Jane', dob: '', memberId: '', provider: 'Dr. A', confirmed: true } },
      { type: 'decide', code: 'E11.9', system: 'ICD-10-CM', decision: { status: 'accepted' } },
      { type: 'em', code: '99213', offered: '99213' },
      { type: 'date', date: '2026-01-02' },
    ]).state;
    const next = reduceReview(first, { type: 'open-chart', key: 'chart-2', banner: { name: 'Roe, Richard' } }).state;
    expect(next).toMatchObject({
      key: 'chart-2',
      diagnoses: [],
      services: [],
      decisions: {},
      findingStates: {},
      visit: 'auto',
    });
    expect(next.emAccepted).toBeUndefined();
    expect(next.dateOfService).toBeUndefined();
    expect(next.patient).toEqual({ name: 'Roe, Richard', dob: '', memberId: '', provider: 'Dr. A', confirmed: false });
  });

  it('the same chart reopened restores its saved review; the same chart again keeps the current one', () => {
    const saved = run([
      open('chart-1'),
      { type: 'decide', code: 'E11.9', system: 'ICD-10-CM', decision: { status: 'accepted' } },
    ]).state;
    const restored = reduceReview(emptyReview(), { type: 'open-chart', key: 'chart-1', banner, saved }).state;
    expect(restored).toEqual(saved);
    expect(reduceReview(saved, open('chart-1')).state).toBe(saved);
    // A saved review of another chart is never applied.
    expect(reduceReview(emptyReview(), { type: 'open-chart', key: 'chart-2', banner, saved }).state.diagnoses).toEqual(
      [],
    );
  });

  it('a stored review is validated when read back', () => {
    const saved = run([open(), { type: 'add', code: 'I10', system: 'ICD-10-CM' }]).state;
    expect(parseReview(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(parseReview({ ...saved, version: 2 })).toBeUndefined();
    expect(parseReview({ ...saved, extra: 1 })).toBeUndefined();
    expect(parseReview(null)).toBeUndefined();
  });

  it('selectors: codes on the claim and the summary draft (invalid DOB left out)', () => {
    const s = run([
      open(),
      { type: 'add', code: 'I10', system: 'ICD-10-CM' },
      { type: 'em', code: '99213', offered: '99213' },
      {
        type: 'patient',
        patient: { name: ' Doe, Jane ', dob: '04/02/1960', memberId: '', provider: '', confirmed: true },
      },
    ]).state;
    expect([...codesOnClaim(s)]).toEqual(['I10', '99213']);
    const d = summaryDraft(s, { dateOfService: '2026-12-01', setting: 'office' });
    expect(d).toMatchObject({
      dateOfService: '2026-12-01',
      diagnoses: ['I10'],
      services: [{ code: '99213' }],
      patient: { name: 'Doe, Jane', confirmed: true },
    });
    expect(d.patient?.dob).toBeUndefined();
  });
});

describe('fill gate: the billing form must be for the reviewed note’s patient', () => {
  const today = '2026-12-05';
  it('the same patient fills', () => {
    expect(fillGate({ name: 'Doe, Jane', dob: '1960-04-02' }, { name: 'Jane Doe', dob: '04/02/1960' }, today)).toEqual({
      blocked: false,
      mismatches: [],
    });
  });
  it('another patient blocks with one line naming both', () => {
    const g = fillGate({ name: 'Doe, Jane', dob: '1960-04-02' }, { name: 'Roe, Richard', dob: '1971-09-09' }, today);
    expect(g.blocked).toBe(true);
    expect(g.mismatches).toEqual(['patient-name-mismatch', 'patient-dob-mismatch']);
    expect(g.message).toBe(
      'The billing form is for Roe, Richard, 1971-09-09; the reviewed note is for Doe, Jane, 1960-04-02.',
    );
    expect(g.message).not.toContain('\n');
  });
  it('a member id off by a transposition blocks too, until the coder confirms the same patient', () => {
    expect(fillGate({ memberId: 'AB9876543' }, { memberId: 'AB9786543' }, today).blocked).toBe(true);
    expect(fillGate({ memberId: 'AB9876543' }, { memberId: 'AB9786543' }, today, true)).toMatchObject({
      blocked: false,
      mismatches: ['patient-member-id-mismatch'],
    });
  });
  it('a field missing on the form is not a mismatch', () => {
    expect(fillGate({ name: 'Doe, Jane', memberId: 'X1' }, { name: 'Doe, Jane' }, today).blocked).toBe(false);
  });
});
