// On a page that frames a list of this site (/embed/…): fits each such frame to the height its list reports
// (assets/embed-frame.js). A message counts only when it comes from this script's own site, from a frame
// of the page that shows it, and carries a plausible height.
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script) return;
  const origin = new URL(script.src).origin;
  // Taller than any list of ours: a larger height is not one of our messages.
  const tallest = 100000;

  const frames = () => Array.prototype.filter.call(document.getElementsByTagName("iframe"), (frame) => {
    try {
      return new URL(frame.src, document.baseURI).origin === origin;
    } catch (e) {
      return false;
    }
  });

  window.addEventListener("message", (event) => {
    if (event.origin !== origin || !event.data || event.data.type !== "vestis:height") return;
    const height = event.data.height;
    if (typeof height !== "number" || !Number.isFinite(height) || height <= 0 || height > tallest) return;
    const frame = frames().find((f) => f.contentWindow === event.source);
    if (frame) frame.style.height = Math.ceil(height) + "px";
  });

  // A frame that loaded before this script listened has already told its height: ask again.
  for (const frame of frames()) frame.contentWindow.postMessage({ type: "vestis:measure" }, origin);
})();
