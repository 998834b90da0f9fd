import '@/utils/zod-jitless';
import { startAnalysisService } from '@/utils/background/analysis-service';
import { sendRuntime } from '@/utils/messages';
import { syncContentScripts } from '@/utils/site-access';

// Thin by design: wiring only. The engine never runs in a content script (STACK.md trap 5); the
// side panel holds the review and its own code pack, and the analysis service here keeps a warm
// analyzer for the panel's first suggestions. Listeners are registered synchronously (trap 6).
export default defineBackground(() => {
  startAnalysisService();

  // Chrome: the toolbar button opens the side panel for the current tab.
  if (import.meta.env.CHROME || import.meta.env.EDGE) {
    void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: true });
  }

  // The capture script runs only on sites the user enabled (host permission granted at run time).
  browser.runtime.onInstalled.addListener(() => void syncContentScripts());
  browser.runtime.onStartup.addListener(() => void syncContentScripts());
  browser.permissions.onAdded.addListener(() => void syncContentScripts({ injectOpenTabs: true }));
  browser.permissions.onRemoved.addListener(() => void syncContentScripts());

  // Keyboard shortcut: open the panel (it captures the note when it opens, or on this message).
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'capture-note') return;
    if ((import.meta.env.CHROME || import.meta.env.EDGE) && tab?.windowId !== undefined) {
      void browser.sidePanel.open({ windowId: tab.windowId });
    } else if (import.meta.env.FIREFOX) {
      void (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
    }
    void sendRuntime({ type: 'cc:panel-capture', ...(tab?.id !== undefined ? { tabId: tab.id } : {}) }).catch(() => {});
  });
});
