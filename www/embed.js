// The embedding guide: loads the widget for the demo, puts this server's own address in the
// snippets (so they can be copied as they are), and starts the iframe demo on this origin.
import './widget.js';

const PLACEHOLDER = 'https://precis.example';
for (const code of document.querySelectorAll('code')) {
  for (const node of code.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) node.data = node.data.replaceAll(PLACEHOLDER, location.origin);
  }
}

const frame = document.createElement('iframe');
frame.title = 'Summary of the demo article (iframe)';
frame.dataset.precisFor = '.story .body';
frame.dataset.precisSentences = '2';
frame.src = `frame.html?parent=${encodeURIComponent(location.origin)}`;
document.getElementById('frame-demo').append(frame);
await import('./frame-host.js');
