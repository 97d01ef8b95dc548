//! Gives each quote its speaker: from the attribution next to it ("…,” said Tsang",
//! "Tsang told the BBC: “…”", "according to X"), from a cue elsewhere in its sentence or
//! in a sentence ending with a colon just before it, else from the quote it continues; then
//! resolves the speaker phrase ("he", "the company") to an entity of the article. Also adds
//! reported speech ("X said that …") found by the `reported` stage.

use super::reported::{find_labelled, find_reported};
use super::resolve::{Recent, Resolver};
use super::speaker::{head_of, is_between, phrase_after, phrase_before, Phrase, PhraseKind};
use super::{is_cue, FoundQuote};
use crate::names::entities::Entities;
use crate::{Document, Quote, QuoteKind, Span};

/// Attributes quotes to speakers.
///
/// ```
/// let text = "Prof Steve Tsang teaches in London. “It is difficult,” he said. Tsang said that the plan would fail.";
/// let a = precis::analyze(text);
/// assert_eq!(a.quotes.len(), 2);
/// let sp = a.quotes[0].speaker.as_ref().unwrap();
/// assert_eq!(sp.name, "Steve Tsang");
/// assert_eq!(&text[sp.start..sp.end], "he");
/// assert_eq!(a.quotes[1].kind, precis::QuoteKind::Indirect);
/// ```
#[derive(Debug, Clone, Default)]
pub struct QuoteAttributor {
    _private: (),
}

/// Tokens scanned back from an opening mark for a cue.
const SCAN_BACK: usize = 30;
/// Tokens scanned forward from a closing mark for "X said".
const SCAN_AFTER: usize = 24;
/// Quotes shorter than this (in words) need an attribution in their own sentence to count:
/// shorter unattributed ones are scare quotes and titles.
const MIN_FREE_WORDS: usize = 4;

/// Partial quotes of at most this many words inside reported speech are folded into it.
const MAX_FOLDED_WORDS: usize = 2;

/// A quote's attribution as read from the text, before resolution.
#[derive(Debug, Clone, Copy)]
struct Attribution {
    phrase: Phrase,
    cue: Option<Span>,
    /// Read from the sentence's subject alone, with no cue: too weak for a short quote.
    weak: bool,
}

/// Where a quote opens: its opening mark's token and the tokens of the sentence it opens in.
struct Opening {
    tok: usize,
    sentence: std::ops::Range<usize>,
}

/// Token-level view of where the quotes are.
struct QuoteTokens {
    /// For each token, whether it lies inside a quote or is one of its marks.
    quoted: Vec<bool>,
    /// For each quote: its first token (the opening mark) and one past its last.
    range: Vec<(usize, usize)>,
}

impl QuoteTokens {
    fn new(doc: &Document, found: &[FoundQuote]) -> QuoteTokens {
        let mut quoted = vec![false; doc.tokens.len()];
        let mut range = Vec::with_capacity(found.len());
        for q in found {
            let a = doc.token_at_or_after(q.open.start);
            let end_byte = q.close.map_or(q.content.end, |c| c.end);
            let b = doc.token_at_or_after(end_byte).max(a);
            for f in quoted.iter_mut().take(b.min(doc.tokens.len())).skip(a) {
                *f = true;
            }
            range.push((a, b));
        }
        QuoteTokens { quoted, range }
    }
}

impl QuoteAttributor {
    /// Attributes the direct quotes `found`, adds reported speech, and returns all quotes in text order.
    pub fn attribute(
        &self,
        doc: &Document,
        found: &[FoundQuote],
        entities: &Entities,
    ) -> Vec<Quote> {
        let qt = QuoteTokens::new(doc, found);
        let resolver = Resolver {
            doc,
            entities,
            quoted: found.iter().map(|q| q.content).collect(),
        };
        // first pass: attributions read next to each quote
        let mut attr: Vec<Option<Attribution>> = (0..found.len())
            .map(|i| self.read_attribution(doc, &qt, i))
            .collect();
        // a quote with none continues its neighbour in the same paragraph, or the quote
        // of the paragraph before when it opens its own
        for i in 1..found.len() {
            if attr[i].is_none() {
                let continues = same_or_next_paragraph(doc, &found[i - 1], &found[i], &qt, i);
                if continues {
                    attr[i] = attr[i - 1];
                }
            }
        }
        for i in (0..found.len().saturating_sub(1)).rev() {
            if attr[i].is_none() && found[i + 1].block == found[i].block {
                attr[i] = attr[i + 1];
            }
        }
        let mut out: Vec<Quote> = Vec::with_capacity(found.len());
        let mut recent: Option<Recent> = None;
        let mut last_phrase: Option<(Span, crate::Speaker)> = None;
        for (i, q) in found.iter().enumerate() {
            let words = q.content.slice(doc.text).split_whitespace().count();
            let title = is_title_like(q.content.slice(doc.text));
            let a = attr[i].filter(|a| !a.weak || (words >= MIN_FREE_WORDS && !title));
            if a.is_none() && (words < MIN_FREE_WORDS || title) {
                continue; // a scare quote or title with no attribution
            }
            if is_short_name(q.content.slice(doc.text)) && after_preposition(doc, q) {
                continue; // on “New Day,” of “Hannity”: a show or a name, even next to a cue
            }
            let speaker = a.map(|a| match &last_phrase {
                // an inherited attribution keeps the speaker it was resolved to
                Some((span, sp)) if *span == a.phrase.span => sp.clone(),
                _ => resolver.speaker(a.phrase, recent.as_ref()),
            });
            if let (Some(a), Some(sp)) = (a, &speaker) {
                last_phrase = Some((a.phrase.span, sp.clone()));
                recent = Some(Recent {
                    name: sp.name.clone(),
                    kind: resolver.kind_of(a.phrase),
                    at: q.content.start,
                });
            }
            out.push(Quote {
                start: q.content.start,
                end: q.content.end,
                kind: QuoteKind::Direct,
                speaker,
                cue: a.and_then(|a| a.cue),
            });
        }
        let mut reported = find_reported(doc, &qt.quoted, &resolver);
        reported.sort_by_key(|q| (q.start, q.end));
        let labelled = find_labelled(doc, &qt.quoted, &resolver);
        // a labelled line's own "said" inside it is part of that line, not a new quote
        reported.retain(|r| !held_by(&labelled, r.start, r.end));
        out.extend(labelled);
        // a one- or two-word partial quote inside reported speech ("called the plan “a
        // disaster”") is shown by that reported quote, not listed again on its own
        out.retain(|q| {
            let words = doc.tokens[doc.token_at_or_after(q.start)..doc.token_at_or_after(q.end)]
                .iter()
                .filter(|t| t.slice(doc.text).chars().any(char::is_alphanumeric))
                .count();
            words > MAX_FOLDED_WORDS || !held_by(&reported, q.start, q.end)
        });
        out.append(&mut reported);
        out.sort_by_key(|q| (q.start, q.end));
        out
    }

    /// The attribution written next to quote `i`, if any.
    fn read_attribution(&self, doc: &Document, qt: &QuoteTokens, i: usize) -> Option<Attribution> {
        let (open_tok, end_tok) = qt.range[i];
        if open_tok >= doc.tokens.len() {
            return None;
        }
        let sent = doc.sentence_at(doc.tokens[open_tok].start)?;
        let opening = Opening {
            tok: open_tok,
            sentence: doc.sentences[sent].tokens.clone(),
        };
        self.transcript_label(doc, open_tok, end_tok)
            .or_else(|| self.after(doc, qt, end_tok, sent))
            .or_else(|| self.before(doc, qt, &opening))
            .or_else(|| self.later_in_sentence(doc, qt, end_tok))
            .or_else(|| self.lead_in(doc, qt, open_tok, sent))
            .or_else(|| self.subject_of(doc, qt, &opening))
    }

    /// A transcript line quoted whole: "“WALLACE: Let's start …”" names its speaker first.
    fn transcript_label(
        &self,
        doc: &Document,
        open_tok: usize,
        end_tok: usize,
    ) -> Option<Attribution> {
        let (t, colon) = (open_tok + 1, open_tok + 2);
        if colon >= end_tok || doc.token_text(colon) != ":" {
            return None;
        }
        let w = doc.token_text(t);
        let label = w.len() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || c == '\'' || c == '’' || c == '-');
        label.then(|| Attribution {
            phrase: Phrase {
                span: doc.tokens[t],
                kind: PhraseKind::Name,
            },
            cue: None,
            weak: false,
        })
    }

    /// A quote inside a sentence with no cue ("Kaine has adopted the stance: “…”", "X
    /// warned darkly that “…”") belongs to the sentence's subject when it is a name or pronoun.
    fn subject_of(&self, doc: &Document, qt: &QuoteTokens, at: &Opening) -> Option<Attribution> {
        let (open_tok, first) = (at.tok, at.sentence.start);
        if open_tok <= first + 1 || (first..open_tok).any(|k| qt.quoted[k]) {
            return None;
        }
        let prev = doc.token_text(open_tok - 1);
        if !matches!(
            prev,
            ":" | "that"
                | ","
                | "as"
                | "of"
                | "it"
                | "them"
                | "him"
                | "her"
                | "be"
                | "is"
                | "was"
                | "are"
                | "were"
        ) && open_tok - first > 20
        {
            return None;
        }
        let phrase = super::speaker::sentence_subject(doc, first, open_tok)?;
        // "A footnote in the report makes that clear: “…”": a colon hands the quote to
        // the subject, a described one too
        let colon = prev == ":"
            && doc
                .token_text(doc.token_at_or_after(phrase.span.start))
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        (phrase.kind != PhraseKind::Description || colon).then_some(Attribution {
            phrase,
            cue: None,
            weak: true,
        })
    }

    /// "…,” said X" / "…,” X said" / "…” — X told" right after the closing mark.
    fn after(
        &self,
        doc: &Document,
        qt: &QuoteTokens,
        end_tok: usize,
        open_sent: usize,
    ) -> Option<Attribution> {
        let mut t = end_tok;
        if t >= doc.tokens.len() {
            return None;
        }
        let sent = doc.sentence_at(doc.tokens[t].start)?;
        // the closing mark must be in the same paragraph as the words after it
        if doc.sentences[sent].block != doc.sentences[open_sent.min(sent)].block
            && sent != open_sent
        {
            let prev_end = doc.sentences[sent.saturating_sub(1)].span.end;
            if doc.sentences[sent].block != doc.sentences[sent.saturating_sub(1)].block
                || prev_end < doc.tokens[end_tok - 1].end
            {
                return None;
            }
        }
        let end = doc.sentences[sent].tokens.end;
        let mut dashed = false;
        while t < end && matches!(doc.token_text(t), "," | "—" | "–" | "-" | "--" | "―") {
            dashed |= doc.token_text(t) != ",";
            t += 1;
        }
        if t >= end || qt.quoted[t] {
            return None;
        }
        // "“…” ― Carla Sanchez": a signature after a dash
        if dashed {
            if let Some(p) = head_of(doc, t, end).filter(|p| p.kind == PhraseKind::Name) {
                return Some(Attribution {
                    phrase: p,
                    cue: None,
                    weak: false,
                });
            }
        }
        // a new sentence after the mark counts when it starts in lower case ("…?” he asked.),
        // or is a short "Smith told reporters." with no clause of its own
        if sent != open_sent
            && doc.sentences[sent].tokens.start == t
            && !doc.token_text(t).starts_with(char::is_lowercase)
        {
            let short = end - t <= 14 && !(t..end).any(|k| doc.token_text(k) == "that");
            let cue_near = (t..end.min(t + 5)).find(|&k| is_cue(doc.token_text(k)));
            // "…?” Mr. Trump asked, repeating …": a name and its cue open the sentence
            let named = cue_near
                .and_then(|k| head_of(doc, t, k))
                .is_some_and(|p| p.kind != PhraseKind::Description);
            if !(short && named) {
                return None;
            }
        }
        if let Some(found) = according_to(doc, t, end) {
            return found;
        }
        let w = doc.token_text(t);
        if w.ends_with("ing") {
            // "…,” promising X …": the participle's subject is the sentence's speaker
            return None;
        }
        if is_cue(w) {
            return phrase_after(doc, t + 1, end).map(|phrase| Attribution {
                phrase,
                cue: Some(doc.tokens[t]),
                weak: false,
            });
        }
        // "mused Blaze co-host Stu Burguiere": any past-tense verb, then a name
        if is_past_verb(w)
            || (w.len() > 3 && w.ends_with('s') && w.starts_with(char::is_lowercase) && !is_cue(w))
        {
            if let Some(p) = phrase_after(doc, t + 1, end).filter(|p| p.kind == PhraseKind::Name) {
                return Some(Attribution {
                    phrase: p,
                    cue: Some(doc.tokens[t]),
                    weak: false,
                });
            }
        }
        // X [, apposition,] [adverbs] cue: the phrase runs up to the first cue
        let lim = end.min(t + SCAN_AFTER);
        let mut k = t;
        // the first past-tense verb after a bare name, used when no cue word follows
        let mut fallback: Option<usize> = None;
        let mut comma: Option<usize> = None;
        while k < lim && !qt.quoted[k] {
            let wk = doc.token_text(k);
            if is_cue(wk) {
                return self
                    .subject_until(doc, t, k, comma)
                    .map(|phrase| Attribution {
                        phrase,
                        cue: Some(doc.tokens[k]),
                        weak: false,
                    });
            }
            if k > t && fallback.is_none() && comma.is_none() && is_past_verb(wk) {
                fallback = Some(k);
            }
            if wk == "(" {
                // step over "(D-Mo.)"
                if let Some(close) = (k + 1..lim.min(k + 8)).find(|&j| doc.token_text(j) == ")") {
                    k = close + 1;
                    continue;
                }
            }
            if matches!(wk, "who" | "which") && comma.is_none() {
                comma = Some(k);
            }
            let abbrev_dot = wk == "."
                && k > t
                && (crate::names::is_title(doc.token_text(k - 1))
                    || doc.token_text(k - 1).len() == 1);
            if !abbrev_dot && matches!(wk, ";" | ":" | "." | "(" | "?" | "!") {
                break;
            }
            if wk == ","
                && comma.is_none()
                && !(k > t && doc.token_text(k - 1).chars().all(|c| c.is_ascii_digit()))
            {
                comma = Some(k);
            }
            k += 1;
        }
        let f = fallback?;
        let definite = doc.token_text(t).eq_ignore_ascii_case("the");
        self.subject_until(doc, t, f, None)
            .filter(|p| p.kind != PhraseKind::Description || definite)
            .map(|phrase| Attribution {
                phrase,
                cue: Some(doc.tokens[f]),
                weak: false,
            })
    }

    /// The subject phrase in tokens `t..k`, cut at an apposition's comma or "who" when the
    /// part before it is a name: "Nate Silver, the polling guru who founded it, tweeted".
    fn subject_until(
        &self,
        doc: &Document,
        t: usize,
        k: usize,
        comma: Option<usize>,
    ) -> Option<Phrase> {
        if let Some(c) = comma.filter(|&c| c > t && c < k) {
            if let Some(p) =
                head_of(doc, t, c).filter(|p| p.kind != PhraseKind::Description || k - t > 8)
            {
                return Some(p);
            }
        }
        head_of(doc, t, k)
    }

    /// "X said: “…”" / "X told the BBC that “…”" / "according to X, “…”" / "explained X: “…”".
    fn before(&self, doc: &Document, qt: &QuoteTokens, at: &Opening) -> Option<Attribution> {
        let (open_tok, first) = (at.tok, at.sentence.start);
        // "Hillary Clinton cracked, “…”": any past-tense verb right before the colon or comma
        if open_tok >= first + 3
            && matches!(doc.token_text(open_tok - 1), "," | ":")
            && is_past_verb(doc.token_text(open_tok - 2))
        {
            if let Some(phrase) = phrase_before(doc, open_tok - 2, first)
                .filter(|p| p.kind != PhraseKind::Description)
            {
                return Some(Attribution {
                    phrase,
                    cue: Some(doc.tokens[open_tok - 2]),
                    weak: false,
                });
            }
        }
        let lo = open_tok.saturating_sub(SCAN_BACK).max(first);
        let mut c = open_tok;
        while c > lo {
            c -= 1;
            if qt.quoted[c] {
                continue;
            }
            if let Some(a) = self.at_cue(doc, qt, c, first, at.sentence.end) {
                return Some(a);
            }
        }
        None
    }

    /// A cue elsewhere in the sentence after the quote: "“…” is how Smith described it."
    fn later_in_sentence(
        &self,
        doc: &Document,
        qt: &QuoteTokens,
        end_tok: usize,
    ) -> Option<Attribution> {
        if end_tok >= doc.tokens.len() {
            return None;
        }
        let sent = doc.sentence_at(doc.tokens[end_tok.saturating_sub(1)].start)?;
        let r = doc.sentences[sent].tokens.clone();
        (end_tok..r.end.min(end_tok + 2 * SCAN_AFTER))
            .filter(|&c| !qt.quoted[c])
            .find_map(|c| self.at_cue(doc, qt, c, r.start, r.end))
    }

    /// A quote opening a sentence right after "X said:" or "X said." in the same paragraph.
    fn lead_in(
        &self,
        doc: &Document,
        qt: &QuoteTokens,
        open_tok: usize,
        sent: usize,
    ) -> Option<Attribution> {
        if sent == 0 || doc.sentences[sent].tokens.start != open_tok {
            return None;
        }
        let prev = &doc.sentences[sent - 1];
        let last = prev.tokens.end.checked_sub(1)?;
        if doc.token_text(last) != ":" {
            // "…, said Bart Naylor, an advocate." / "Sam Lau said in a statement." just before,
            // in the same paragraph: a sentence that ends on its attribution
            if prev.block != doc.sentences[sent].block
                || (prev.tokens.clone()).any(|k| qt.quoted[k])
            {
                return None;
            }
            let lo = prev.tokens.start.max(last.saturating_sub(8));
            return (lo..last)
                .rev()
                .find(|&c| is_cue(doc.token_text(c)) && !doc.token_text(c).ends_with("ing"))
                .filter(|&c| !(c + 1..last).any(|k| doc.token_text(k) == "that"))
                .and_then(|c| self.at_cue(doc, qt, c, prev.tokens.start, prev.tokens.end))
                .map(|a| Attribution { weak: true, ..a });
        }
        let lo = prev.tokens.start.max(last.saturating_sub(SCAN_BACK));
        (lo..last)
            .rev()
            .filter(|&c| !qt.quoted[c])
            .find_map(|c| self.at_cue(doc, qt, c, prev.tokens.start, prev.tokens.end))
            .or_else(|| {
                // no cue: a name just before the colon ("More from Jones:"), else the subject
                let near = head_of(doc, last.saturating_sub(3).max(prev.tokens.start), last)
                    .filter(|p| p.kind == PhraseKind::Name);
                near.or_else(|| {
                    super::speaker::sentence_subject(doc, prev.tokens.start, last)
                        .filter(|p| p.kind != PhraseKind::Description)
                })
                .map(|phrase| Attribution {
                    phrase,
                    cue: None,
                    weak: true,
                })
            })
    }

    /// The attribution around cue token `c`, if `c` is a cue with a speaker phrase.
    fn at_cue(
        &self,
        doc: &Document,
        qt: &QuoteTokens,
        c: usize,
        first: usize,
        end: usize,
    ) -> Option<Attribution> {
        if let Some(found) = according_to(doc, c, end) {
            return found;
        }
        let w = doc.token_text(c);
        if !is_cue(w) || w.starts_with(char::is_uppercase) && c > first {
            return None;
        }
        // do not read a subject out of another quote
        let mut lo = c;
        while lo > first && c - lo < SCAN_BACK && !qt.quoted[lo - 1] {
            lo -= 1;
        }
        let phrase = phrase_before(doc, c, lo).or_else(|| {
            // inverted: "explained CBS moderator Nancy Cordes:" / "said Smith, “…”"
            let mut k = c + 1;
            while k < end && is_between(doc.token_text(k)) {
                k += 1;
            }
            if (k < end && qt.quoted[k]) || w.ends_with("ing") {
                return None;
            }
            phrase_after(doc, k, end).filter(|p| {
                p.kind != PhraseKind::Description || doc.token_text(k).eq_ignore_ascii_case("the")
            })
        })?;
        Some(Attribution {
            phrase,
            cue: Some(doc.tokens[c]),
            weak: false,
        })
    }
}

/// True when one of `quotes` (sorted by start, none overlapping another) holds `start..end`.
fn held_by(quotes: &[Quote], start: usize, end: usize) -> bool {
    let i = quotes.partition_point(|r| r.start <= start);
    i > 0 && end <= quotes[i - 1].end
}

/// True when quote `b` (index `i`) continues quote `a`: same paragraph, or `b` opens the
/// paragraph right after the one `a` ends in.
fn same_or_next_paragraph(
    doc: &Document,
    a: &FoundQuote,
    b: &FoundQuote,
    qt: &QuoteTokens,
    i: usize,
) -> bool {
    if a.block == b.block {
        return true;
    }
    let a_end_tok = qt.range[i - 1].1.saturating_sub(1);
    let a_end_block = doc
        .sentence_at(doc.tokens.get(a_end_tok).map_or(0, |t| t.start))
        .map_or(a.block, |s| doc.sentences[s].block);
    let opens_block = doc
        .blocks
        .get(b.block)
        .is_some_and(|blk| b.open.start == blk.start);
    opens_block && (b.block == a_end_block + 1 || b.block == a.block + 1)
}

/// A lower-case past-tense verb ("mused", "charged"), as after a quote's speaker.
fn is_past_verb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.starts_with(char::is_lowercase)
}

/// True for one or two quoted words, each capitalised, that end in no sentence mark: after
/// a preposition, the name of a show, a book or a slogan (“New Day,” “Hannity”).
fn is_short_name(words: &str) -> bool {
    let t = words.trim_end_matches([',', ';', ':']);
    let n = t.split_whitespace().count();
    n <= 2
        && !t.ends_with(['.', '!', '?'])
        && t.split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
}

/// True when the word before the quote's opening mark is a preposition or a possessive,
/// as before a name ("on “New Day”", "CNN's “State of the Union”").
fn after_preposition(doc: &Document, q: &FoundQuote) -> bool {
    let t = doc.token_at_or_after(q.open.start);
    t > 0
        && matches!(
            doc.token_text(t - 1),
            "on" | "in" | "of" | "to" | "at" | "from" | "for" | "with" | "’s" | "'s"
        )
}

/// True for quoted words that read as a title ("The Art of the Deal"): every word
/// capitalised or a short function word, and no sentence inside.
fn is_title_like(words: &str) -> bool {
    let mut n = 0;
    for w in words.split_whitespace() {
        n += 1;
        let lower_ok = matches!(
            w,
            "of" | "the" | "and" | "a" | "an" | "in" | "on" | "for" | "to" | "with" | "at" | "&"
        );
        if !(w.starts_with(char::is_uppercase) || w.starts_with(char::is_numeric) || lower_ok) {
            return false;
        }
    }
    let t = words.trim_end_matches(['.', ',', '!', '?']);
    (2..=10).contains(&n) && !t.contains(['.', '!', '?', ';'])
}

/// "according to X" from token `t`: `None` when the words there are not "according to",
/// else the attribution to the phrase after them (`Some(None)` when there is none).
fn according_to(doc: &Document, t: usize, end: usize) -> Option<Option<Attribution>> {
    let opens = doc.token_text(t).eq_ignore_ascii_case("according") && t + 1 < end && doc.token_text(t + 1) == "to";
    opens.then(|| {
        let cue = Span::new(doc.tokens[t].start, doc.tokens[t + 1].end);
        phrase_after(doc, t + 2, end).map(|phrase| Attribution {
            phrase,
            cue: Some(cue),
            weak: false,
        })
    })
}
