// The host page's side of the iframe variant: for every
//   <iframe data-precis-for="article .body" src="https://precis.example/frame.html?parent=https://news.example"
//           title="Summary of the article"></iframe>
// it posts the text of the element the selector finds (and again when it changes) to the frame's
// origin only, and sizes the frame to its content. Messages from anything but that frame, from
// any other origin, are ignored. Attributes: data-precis-for (a CSS selector), data-precis-sentences.
// Events on the iframe: precis-analysis {analysis}, precis-error {error}.
const DEBOUNCE_MS = 250;

function connect(frame) {
  const origin = new URL(frame.src, document.baseURI).origin;
  const source = () => {
    try {
      return document.querySelector(frame.dataset.precisFor);
    } catch {
      return null;
    }
  };
  const send = () => {
    const article = source();
    if (!article || !frame.contentWindow) return;
    const n = Number.parseInt(frame.dataset.precisSentences ?? '', 10);
    const message = { type: 'precis-text', text: article.innerText ?? article.textContent };
    if (n > 0) message.sentences = n;
    frame.contentWindow.postMessage(message, origin);
  };

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'precis-frame-ready') send();
    else if (m.type === 'precis-resize' && Number.isFinite(m.height) && m.height >= 0) {
      frame.style.height = `${Math.min(m.height, 5000)}px`; // CSSOM, allowed under a strict style-src
    } else if (m.type === 'precis-analysis' || m.type === 'precis-error') {
      const detail = m.type === 'precis-analysis' ? { analysis: m.analysis } : { error: String(m.error) };
      frame.dispatchEvent(new CustomEvent(m.type, { detail }));
    }
  });
  // The frame says when it is ready; its load event and an already loaded page cover the case
  // where this script ran after that message.
  frame.addEventListener('load', send);
  if (document.readyState === 'complete') send();

  const article = source();
  if (article) {
    let timer = 0;
    new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(send, DEBOUNCE_MS);
    }).observe(article, { childList: true, characterData: true, subtree: true });
  }
}

for (const frame of document.querySelectorAll('iframe[data-precis-for]')) connect(frame);
