import { useEffect, useMemo, useRef, useState } from 'react';
import { PanelCaptureSchema } from '@/utils/messages';
import {
  bestCapture,
  captureOnce,
  onBilling,
  onNote,
  requestCapture,
  targetTabId,
  type FrameBilling,
  type FrameCapture,
} from '@/utils/tab-link';
import { takeEarlyLink } from '../boot';

/**
 * The panel's link to its tab: the note its frames show (the best capture), the billing form when
 * the tab is a charge-entry page, and whether a capture script runs there at all.
 */
export function useTabLink() {
  const [tabId, setTabId] = useState<number>();
  const [captures, setCaptures] = useState<Map<number, FrameCapture>>(new Map());
  const [noScript, setNoScript] = useState(false);
  const [billing, setBilling] = useState<FrameBilling>();
  const tabRef = useRef<number | undefined>(undefined);
  tabRef.current = tabId;

  // Listen first, then ask the tab's frames to capture (unless the panel's boot already asked:
  // then take what it received, in the same task as the listeners below are registered).
  useEffect(() => {
    const early = takeEarlyLink();
    if (early?.captures.size) setCaptures(new Map(early.captures));
    if (early?.billing) setBilling(early.billing);
    const offNote = onNote(
      () => tabRef.current,
      (c) => setCaptures((m) => new Map(m).set(c.frameId, c)),
    );
    const offBilling = onBilling(() => tabRef.current, setBilling);
    const onPanelMessage = (raw: unknown) => {
      const m = PanelCaptureSchema.safeParse(raw);
      if (m.success && m.data.tabId !== undefined && m.data.tabId === tabRef.current) void requestCapture(m.data.tabId);
    };
    browser.runtime.onMessage.addListener(onPanelMessage);
    void (early?.tabId ?? targetTabId()).then(async (id) => {
      setTabId(id);
      tabRef.current = id;
      if (id !== undefined) setNoScript(!(await (early?.answered ?? requestCapture(id))));
    });
    // The panel belongs to one window: it follows the active tab of that window only.
    let windowId: number | undefined;
    void browser.windows
      ?.getCurrent()
      .then((w) => (windowId = w.id))
      .catch(() => {});
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (new URLSearchParams(location.search).get('tab')) return;
      if (windowId !== undefined && info.windowId !== windowId) return;
      setTabId(info.tabId);
      tabRef.current = info.tabId;
      setCaptures(new Map());
      setBilling(undefined);
      void requestCapture(info.tabId).then((ok) => setNoScript(!ok));
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      offNote();
      offBilling();
      browser.runtime.onMessage.removeListener(onPanelMessage);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);

  const note = useMemo(() => bestCapture(captures.values()), [captures]);
  // The page answered but shows no note (a schedule, a menu, a hidden tab): why, in the frame's words.
  const noNote = useMemo(() => {
    if (note) return undefined;
    const none = [...captures.values()].filter((c) => c.source === 'none');
    return (none.find((c) => c.top) ?? none[0])?.label;
  }, [captures, note]);
  const recapture = () => tabId !== undefined && void requestCapture(tabId).then((ok) => setNoScript(!ok));
  const readOnce = () => tabId !== undefined && void captureOnce(tabId).then((ok) => ok && requestCapture(tabId));
  return { tabId, note, noNote, noScript, billing, recapture, readOnce };
}
