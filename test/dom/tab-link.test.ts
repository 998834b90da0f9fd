import { describe, expect, it } from 'vitest';
import { bestCapture, hiddenFrames, reviewKeyOf, type FrameCapture } from '../../utils/tab-link';

const frame = (over: Partial<FrameCapture>): FrameCapture => ({
  type: 'cc:note',
  captureId: 'x',
  frameUrl: 'https://emr.example/interface/main/tabs/main.php',
  source: 'none',
  label: '',
  text: '',
  truncated: false,
  capturedAt: 0,
  tabId: 1,
  frameId: 0,
  receivedAt: 0,
  ...over,
});

describe('the note among the frames, and the chart it belongs to', () => {
  const top = frame({
    top: true,
    header: { name: 'Rivera, Alex', memberId: '00412' },
    encounter: { date: '2026-03-04', id: '5' },
  });
  const enc = frame({
    frameId: 3,
    frameUrl: 'https://emr.example/interface/patient_file/encounter/forms.php',
    source: 'adapter',
    text: 'Assessment: acute bronchitis.',
    encounter: { date: '2026-03-04' },
  });
  const hiddenDashboard = frame({ frameId: 2, source: 'none', label: 'the frame has no size' });

  it('a frame that shows no note is never chosen; the top frame’s banner completes the note’s chart', () => {
    const best = bestCapture([top, hiddenDashboard, enc])!;
    expect(best.frameId).toBe(3);
    expect(best.header).toEqual({ name: 'Rivera, Alex', memberId: '00412' });
    expect(best.encounter).toEqual({ date: '2026-03-04', id: '5' });
    expect(bestCapture([top, hiddenDashboard])).toBeUndefined();
  });

  it('several visible notes read alike: the focused frame wins over the longer text; a better source still wins', () => {
    const long = frame({
      frameId: 10,
      source: 'heuristic',
      text: 'Assessment: type 2 diabetes mellitus. Hypertension. Hyperlipidemia.',
    });
    const short = frame({ frameId: 11, source: 'heuristic', text: 'Assessment: acute bronchitis.' });
    expect(bestCapture([long, short])!.frameId).toBe(10);
    expect(bestCapture([long, { ...short, focused: true }])!.frameId).toBe(11);
    expect(bestCapture([{ ...long, focused: true }, short])!.frameId).toBe(10);
    const adapter = frame({ frameId: 12, source: 'adapter', text: 'Hypertension.' });
    expect(bestCapture([long, { ...short, focused: true }, adapter])!.frameId).toBe(12);
  });

  it('the same object while nothing changed (the panel does not analyse again)', () => {
    expect(bestCapture([top, enc])).toBe(bestCapture([top, hiddenDashboard, enc]));
  });

  it('a review is keyed by site, patient and encounter; an in-app address change of the same chart keeps it', () => {
    const a = reviewKeyOf({
      frameUrl: 'https://emr.example/chart?view=1',
      header: { name: 'Rivera, Alex' },
      encounter: { date: '2026-03-04' },
    });
    expect(
      reviewKeyOf({
        frameUrl: 'https://emr.example/chart/notes#soap',
        header: { name: 'RIVERA, ALEX' },
        encounter: { date: '2026-03-04' },
      }),
    ).toBe(a);
    expect(
      reviewKeyOf({
        frameUrl: 'https://emr.example/chart?view=1',
        header: { name: 'Lee, Morgan' },
        encounter: { date: '2026-03-04' },
      }),
    ).not.toBe(a);
    expect(
      reviewKeyOf({
        frameUrl: 'https://emr.example/chart?view=1',
        header: { name: 'Rivera, Alex' },
        encounter: { date: '2026-03-05' },
      }),
    ).not.toBe(a);
    expect(
      reviewKeyOf({
        frameUrl: 'https://other.example/chart?view=1',
        header: { name: 'Rivera, Alex' },
        encounter: { date: '2026-03-04' },
      }),
    ).not.toBe(a);
    // No banner at all: the page address is all there is.
    expect(reviewKeyOf({ frameUrl: 'https://emr.example/a' })).not.toBe(
      reviewKeyOf({ frameUrl: 'https://emr.example/b' }),
    );
  });

  it('a frame its parent reports hidden (a cross-origin tab it cannot inspect itself) is not read, nor anything inside it', () => {
    const parent = frame({
      top: true,
      childFrames: [
        { frameId: 5, hidden: true },
        { frameId: 6, hidden: false },
      ],
    });
    const hiddenChild = frame({
      frameId: 5,
      source: 'heuristic',
      text: 'Problem list: chronic obstructive pulmonary disease, heart failure.',
      childFrames: [{ frameId: 7, hidden: false }],
    });
    const grandchild = frame({
      frameId: 7,
      source: 'heuristic',
      text: 'A note inside the hidden tab, longer than the visible one by far.',
    });
    const shown = frame({ frameId: 6, source: 'heuristic', text: 'Assessment: acute bronchitis.' });
    expect([...hiddenFrames([parent, hiddenChild, grandchild, shown])].sort()).toEqual([5, 7]);
    expect(bestCapture([parent, hiddenChild, grandchild, shown])!.frameId).toBe(6);
  });
});
