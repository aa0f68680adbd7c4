// Inside a framed list (/embed/…): tells the page around it how tall the list is, so that assets/embed.js
// on that page can fit the frame to it. Only the height is ever sent.
(() => {
  "use strict";
  if (window.parent === window) return;

  let sent = 0;
  const send = (again) => {
    // The root element's own height: the document's scroll height would never shrink below the frame's.
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent && !again) return;
    sent = height;
    // Any site may frame the list, and its height is no secret, so it goes to whatever origin the parent has.
    window.parent.postMessage({ type: "vestis:height", height }, "*");
  };

  new ResizeObserver(() => send(false)).observe(document.documentElement);
  window.addEventListener("load", () => send(false));
  window.addEventListener("resize", () => send(false));
  // The host page's script asks when it starts, in case that was after this frame had told its height.
  window.addEventListener("message", (event) => {
    if (event.source === window.parent && event.data && event.data.type === "vestis:measure") send(true);
  });
})();
