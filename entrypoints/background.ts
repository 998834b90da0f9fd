import { syncContentScripts } from '@/utils/site-access';

// Thin by design: the engine and the code pack live in the side panel page, never here
// and never in a content script (STACK.md trap 5). Listeners are registered synchronously (trap 6).
export default defineBackground(() => {
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
    void browser.runtime.sendMessage({ type: 'cc:panel-capture', tabId: tab?.id }).catch(() => {});
  });
});
