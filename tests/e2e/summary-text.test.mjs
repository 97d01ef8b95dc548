// The summary's copy formats (www/summary-text.js), on sentences we write: plain prose and a
// Markdown list in which pasted text can never become markup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summaryAsMarkdown, summaryAsText } from '../../www/summary-text.js';

test('plain text is one paragraph, in order, with line breaks and runs of spaces flattened', () => {
  const cases = [
    [[], ''],
    [['The ferry sailed at noon.'], 'The ferry sailed at noon.'],
    [['The ferry sailed\nat noon. ', '  Fares rose.'], 'The ferry sailed at noon. Fares rose.'],
    [['First.', '   ', 'Third.'], 'First. Third.'],
  ];
  for (const [input, want] of cases) assert.equal(summaryAsText(input), want, JSON.stringify(input));
});

test('Markdown is one item per sentence and escapes what Markdown would read as markup', () => {
  const cases = [
    [['The ferry sailed at noon.', 'Fares rose.'], '- The ferry sailed at noon.\n- Fares rose.'],
    [['Rates rose *sharply* for_all.'], '- Rates rose \\*sharply\\* for\\_all.'],
    [['See [the report](http://x.test) <b>now</b>.'], '- See \\[the report\\](http://x.test) \\<b\\>now\\</b\\>.'],
    [['# Not a heading'], '- \\# Not a heading'],
    [['> not a quote'], '- \\> not a quote'],
    [['- not a list', '+ nor this'], '- \\- not a list\n- \\+ nor this'],
    [['10. Downing Street said so.'], '- 10\\. Downing Street said so.'],
    [['A back\\slash and `code` | pipe ~x~'], '- A back\\\\slash and \\`code\\` \\| pipe \\~x\\~'],
    [['Split\nover lines.'], '- Split over lines.'],
  ];
  for (const [input, want] of cases) assert.equal(summaryAsMarkdown(input), want, JSON.stringify(input));
});
