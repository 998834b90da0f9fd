// Thin by design: the engine and the code pack live in the side panel page, never here
// and never in a content script (STACK.md trap 5). Listeners are registered synchronously.
export default defineBackground(() => {
  // Chrome: the toolbar button opens the side panel for the current tab.
  if (import.meta.env.CHROME || import.meta.env.EDGE) {
    void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: true });
  }
});
