// The read-only view of the text: plain text nodes, with <mark> elements around the spans the
// user picked and a dimmed style on the stretches the analyser set aside. Built from text
// nodes only, so nothing in the text can become markup.

/**
 * Fills `container` with `text`, dimming `analysis.ignored` and marking `marks`
 * ([{ start, end, role }], UTF-16 offsets; role becomes a class). Returns the first mark.
 */
export function renderView(container, text, analysis, marks) {
  const ranges = [];
  for (const g of analysis?.ignored ?? []) ranges.push({ start: g.start, end: g.end, role: 'aside' });
  for (const m of marks) ranges.push(m);

  // Sweep over the range ends: between two consecutive points the set of roles is constant.
  const events = [];
  for (const r of ranges) {
    const start = Math.max(0, Math.min(r.start, text.length));
    const end = Math.max(start, Math.min(r.end, text.length));
    if (end > start) events.push([start, 1, r.role], [end, -1, r.role]);
  }
  events.sort((x, y) => x[0] - y[0]);

  const fragment = document.createDocumentFragment();
  const active = new Map();
  let first = null;
  let at = 0;
  const emit = (end) => {
    if (end <= at) return;
    const piece = text.slice(at, end);
    const roles = [...active.keys()].filter((r) => active.get(r) > 0);
    if (!roles.length) {
      fragment.append(document.createTextNode(piece));
    } else {
      const picked = roles.some((r) => r !== 'aside');
      const node = document.createElement(picked ? 'mark' : 'span');
      node.className = roles.sort().join(' ');
      node.textContent = piece;
      if (picked && !first) first = node;
      fragment.append(node);
    }
    at = end;
  };
  for (const [pos, delta, role] of events) {
    emit(pos);
    active.set(role, (active.get(role) ?? 0) + delta);
  }
  emit(text.length);
  container.replaceChildren(fragment);
  return first;
}
