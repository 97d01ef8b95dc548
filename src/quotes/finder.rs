//! Finds quoted words: straight, curly and doubled-apostrophe marks, quotes split by an
//! attribution, quotes that run on into the next paragraph without closing.

use crate::{Document, Span};

/// A stretch of quoted words, before attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundQuote {
    /// The quoted words, without the marks.
    pub content: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quote runs to the end of its paragraph.
    pub close: Option<Span>,
    /// Index of the block it opens in.
    pub block: usize,
}

/// Finds direct quotes in the kept blocks of a document.
///
/// ```
/// let doc = precis::Document::new("“It is over,” he said. Critics called it a \"sham\". ''We won,'' she said.");
/// let quotes = precis::quotes::QuoteFinder::default().find(&doc);
/// let got: Vec<&str> = quotes.iter().map(|q| q.content.slice(doc.text)).collect();
/// assert_eq!(got, ["It is over,", "sham", "We won,"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct QuoteFinder {
    _private: (),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    CurlyOpen,
    CurlyClose,
    Straight,
    DoubleApos,
    Guillemet(bool),
}

impl QuoteFinder {
    /// Finds the quotes of every kept block of `doc`, in text order.
    pub fn find(&self, doc: &Document) -> Vec<FoundQuote> {
        let mut out = Vec::new();
        for (b, block) in doc.blocks.iter().enumerate() {
            self.find_in_block(doc.text, *block, b, &mut out);
        }
        out
    }

    fn find_in_block(&self, text: &str, block: Span, b: usize, out: &mut Vec<FoundQuote>) {
        let s = block.slice(text);
        let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < s.len() {
            let c = s[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            let mark = match c {
                '“' | '„' => Some(Mark::CurlyOpen),
                '”' => Some(Mark::CurlyClose),
                '"' => Some(Mark::Straight),
                '«' => Some(Mark::Guillemet(true)),
                '»' => Some(Mark::Guillemet(false)),
                '\'' if bytes.get(i + 1) == Some(&b'\'') => {
                    marks.push((i, 2, Mark::DoubleApos));
                    i += 2;
                    continue;
                }
                '`' if bytes.get(i + 1) == Some(&b'`') => {
                    marks.push((i, 2, Mark::CurlyOpen));
                    i += 2;
                    continue;
                }
                _ => None,
            };
            if let Some(m) = mark {
                marks.push((i, len, m));
            }
            i += len;
        }
        let mut open: Option<(usize, usize, Mark)> = None;
        for &(pos, len, mark) in &marks {
            match open {
                None => {
                    let opens = match mark {
                        Mark::CurlyOpen | Mark::Guillemet(true) => true,
                        Mark::Straight | Mark::DoubleApos => {
                            // an opening straight mark is followed by a non-space
                            s[pos + len..]
                                .chars()
                                .next()
                                .is_some_and(|n| !n.is_whitespace())
                        }
                        _ => false,
                    };
                    if opens {
                        open = Some((pos, len, mark));
                    }
                }
                Some((opos, olen, omark)) => {
                    let closes = match (omark, mark) {
                        (Mark::CurlyOpen, Mark::CurlyClose | Mark::Straight) => true,
                        (Mark::Straight, Mark::Straight | Mark::CurlyClose) => true,
                        (Mark::DoubleApos, Mark::DoubleApos) => true,
                        (Mark::Guillemet(true), Mark::Guillemet(false)) => true,
                        (Mark::CurlyOpen, Mark::CurlyOpen) => {
                            // a new opening mark before a close: the previous quote ran on unclosed
                            push(out, s, (block, b), (opos, olen), (pos, None));
                            open = Some((pos, len, mark));
                            continue;
                        }
                        _ => false,
                    };
                    if closes {
                        push(out, s, (block, b), (opos, olen), (pos, Some(len)));
                        open = None;
                    }
                }
            }
        }
        if let Some((opos, olen, _)) = open {
            // runs on to the end of the paragraph
            push(out, s, (block, b), (opos, olen), (s.len(), None));
        }
    }
}

/// Adds the quote opening at `open` (offset and length in the block text `s`) and closing
/// at `close` (offset, and the mark's length when there is one), marks and spaces trimmed.
fn push(
    out: &mut Vec<FoundQuote>,
    s: &str,
    (block, b): (Span, usize),
    (opos, olen): (usize, usize),
    (cpos, clen): (usize, Option<usize>),
) {
    let content_start = opos + olen;
    if cpos <= content_start {
        return;
    }
    let inner = &s[content_start..cpos];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    if lead + trail >= inner.len() {
        return;
    }
    out.push(FoundQuote {
        content: Span::new(
            block.start + content_start + lead,
            block.start + cpos - trail,
        ),
        open: Span::new(block.start + opos, block.start + opos + olen),
        close: clen.map(|l| Span::new(block.start + cpos, block.start + cpos + l)),
        block: b,
    });
}
