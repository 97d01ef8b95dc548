// Deterministic news-like texts of any length for the timing page and the tests, written from
// our own word lists (no data set text). The same (size, seed) gives the same text in every
// browser and in node.

const FIRST = ['Maren', 'Kofi', 'Ines', 'Dmitri', 'Sunita', 'Emeka', 'Hanne', 'Rafael', 'Yuki', 'Odile', 'Tariq', 'Bronwen'];
const LAST = ['Achterberg', 'Mensah', 'Quintero', 'Halloran', 'Vasquez', 'Lindgren', 'Okonjo', 'Petrakis', 'Sorensen', 'Whitcombe'];
const ORGS = [
  'Greyhaven Water',
  'the Fenwick District Council',
  'Larchmont Savings Bank',
  'the Department of Coastal Affairs',
  'Saltmarsh Polytechnic',
  'Orrin Freight Ltd',
  'the Upland Heritage Trust',
];
const PLACES = ['Bergen', 'Cork', 'Mombasa', 'Sapporo', 'Seville', 'Winnipeg', 'Hobart', 'Tampere'];
const VERBS = ['proposed', 'endorsed', 'postponed', 'questioned', 'backed', 'audited', 'expanded', 'scrapped'];
const THINGS = [
  'the harbour wall',
  'a night bus route',
  'the water tariff',
  'the flood barrier',
  'a solar canopy',
  'the cycle lanes',
  'the library hours',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const FURNITURE = [
  'Share this story',
  'Subscribe to the morning briefing',
  'Most popular',
  'Five walks along the estuary before winter…',
  '© 2026 Example Gazette',
];

/** A linear congruential generator over BigInt, so it matches across engines. */
function lcg(seed) {
  let state = BigInt(seed) & 0xffffffffffffffffn;
  const next = () => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number(state >> 33n);
  };
  return {
    num: (n) => next() % n,
    pick: (xs) => xs[next() % xs.length],
  };
}

const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function paragraph(r) {
  const person = `${r.pick(FIRST)} ${r.pick(LAST)}`;
  const surname = person.split(' ')[1];
  const org = r.pick(ORGS);
  const place = r.pick(PLACES);
  switch (r.num(5)) {
    case 0:
      return (
        `${capital(org)} ${r.pick(VERBS)} ${r.pick(THINGS)} in ${place} on ${r.pick(DAYS)}, ` +
        `after ${r.num(18) + 2} weeks of talks with ${person}. ` +
        `The work is expected to cost about €${r.num(800) + 20}.${r.num(10)} million, a spokesperson said.`
      );
    case 1:
      return (
        `“Nobody in ${place} asked for ${r.pick(THINGS)} to wait another winter,” said ${person}, ` +
        `who leads the residents’ group. “We were promised a date, and we will hold them to it.”`
      );
    case 2:
      return (
        `Ms. ${surname} told the meeting that ${org} had not yet published its figures. ` +
        `According to ${org}, the U.K. suppliers on the project have ${r.pick(VERBS)} ${r.pick(THINGS)}.`
      );
    case 3:
      return (
        `In ${place}, ${person} said the vote was “rushed” and ${r.pick(VERBS)} the plan. ` +
        `He added that the St. Anne’s ward had been consulted in Feb. 2026, and that about ${r.num(90) + 10}% of replies were in favour.`
      );
    default:
      return (
        `Officials from ${org} met representatives of ${r.pick(ORGS)} in ${place} to discuss ${r.pick(THINGS)}. ` +
        `A report is due before the end of the year, and ${person} is expected to present it.`
      );
  }
}

/** An article of at least `bytes` UTF-8 bytes (just over): reporting, quotes and page furniture. */
export function article(bytes, seed = 11) {
  const r = lcg(seed);
  const encoder = new TextEncoder();
  const parts = ['Home | Local | Business | Weather'];
  let size = encoder.encode(parts[0]).length + 1;
  while (size < bytes) {
    const p = paragraph(r);
    parts.push(p);
    size += encoder.encode(p).length + 1;
    if (r.num(8) === 0) {
      const f = r.pick(FURNITURE);
      parts.push(f);
      size += encoder.encode(f).length + 1;
    }
  }
  parts.push('Share this story');
  return `${parts.join('\n')}\n`;
}

/** Words in `text`, as whitespace-separated runs. */
export function wordCount(text) {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** An article of at least `words` words: a headline, reporting paragraphs, page furniture. */
export function articleOfWords(words, seed = 5) {
  // Grow by bytes until the word count is reached: a paragraph is about 6 bytes a word.
  let bytes = words * 6;
  let text = article(bytes, seed);
  while (wordCount(text) < words) {
    bytes = Math.ceil(bytes * 1.05);
    text = article(bytes, seed);
  }
  return text;
}
