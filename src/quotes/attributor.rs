//! Gives each quote its speaker: from the attribution next to it ("…,” said Tsang",
//! "Tsang told the BBC: “…”", "according to X"), else from the quote it continues; and
//! resolves pronouns and descriptions ("he", "the company") to an entity of the article.
//! Also finds reported speech ("X said that …") in sentences without quote marks.

use super::{is_cue, FoundQuote};
use crate::names::entities::Entities;
use crate::names::is_title;
use crate::{Document, EntityKind, Quote, QuoteKind, Span, Speaker};

/// Attributes quotes to speakers.
///
/// ```
/// let a = precis::analyze("Prof Steve Tsang teaches in London. “It is difficult,” he said. Tsang said that the plan would fail.");
/// assert_eq!(a.quotes.len(), 2);
/// let sp = a.quotes[0].speaker.as_ref().unwrap();
/// assert_eq!(sp.name, "Steve Tsang");
/// assert_eq!(&a_text()[sp.start..sp.end], "he");
/// assert_eq!(a.quotes[1].kind, precis::QuoteKind::Indirect);
/// # fn a_text() -> &'static str { "Prof Steve Tsang teaches in London. “It is difficult,” he said. Tsang said that the plan would fail." }
/// ```
#[derive(Debug, Clone, Default)]
pub struct QuoteAttributor {
    _private: (),
}

const PERSON_PRONOUNS: &[&str] = &["he", "she", "He", "She"];
const GROUP_PRONOUNS: &[&str] = &["they", "it", "They", "It", "we", "We"];
const ORG_NOUNS: &[&str] = &[
    "company", "firm", "group", "report", "ministry", "department", "government", "agency", "statement", "spokesman",
    "spokeswoman", "spokesperson", "campaign", "party", "committee", "court", "police", "council", "organisation",
    "organization", "union", "administration", "office", "team", "board", "bank",
];

/// A speaker found next to a cue, before resolution.
#[derive(Debug, Clone, Copy)]
struct Found {
    span: Span,
    cue: Option<Span>,
}

impl QuoteAttributor {
    /// Attributes the direct quotes `found`, adds reported speech, and returns all quotes in text order.
    pub fn attribute(&self, doc: &Document, found: &[FoundQuote], entities: &Entities) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::with_capacity(found.len());
        let mut last_speaker: Option<(Speaker, usize)> = None; // speaker, block
        for q in found {
            let words = q.content.slice(doc.text).split_whitespace().count();
            let mut hit = self.speaker_after(doc, q).or_else(|| self.speaker_before(doc, q));
            if hit.is_none() && words < 4 {
                continue; // a scare quote or title with no attribution
            }
            if hit.is_none() {
                hit = self.speaker_in_sentence(doc, q);
            }
            let speaker = match hit {
                Some(f) => self.resolve(doc, entities, f.span, last_speaker.as_ref().map(|(s, _)| s)),
                None => match &last_speaker {
                    // an unattributed quote right after an attributed one continues it
                    Some((s, blk)) if q.block <= blk + 1 => Some(s.clone()),
                    _ => None,
                },
            };
            if let Some(s) = &speaker {
                last_speaker = Some((s.clone(), q.block));
            }
            out.push(Quote {
                start: q.content.start,
                end: q.content.end,
                kind: QuoteKind::Direct,
                speaker,
                cue: hit.and_then(|f| f.cue),
            });
        }
        self.add_reported(doc, entities, found, &mut out);
        out.sort_by_key(|q| q.start);
        out
    }

    /// "…,” said X" / "…,” X said" right after the closing mark.
    fn speaker_after(&self, doc: &Document, q: &FoundQuote) -> Option<Found> {
        let close = q.close?;
        let sent = doc.sentence_at(close.start).or_else(|| doc.sentence_at(close.start.saturating_sub(1)))?;
        let end = doc.sentences[sent].tokens.end;
        let mut t = doc.token_at_or_after(close.end);
        while t < end && matches!(doc.token_text(t), "," | "—" | "–" | "-") {
            t += 1;
        }
        if t >= end {
            return None;
        }
        let w = doc.token_text(t);
        if is_cue(w) {
            let sp = self.noun_phrase_at(doc, t + 1, end)?;
            return Some(Found { span: sp, cue: Some(doc.tokens[t]) });
        }
        // X [adverb] cue
        let (sp, next) = self.noun_phrase_from(doc, t, end)?;
        let mut c = next;
        while c < end && (doc.token_text(c).ends_with("ly") || matches!(doc.token_text(c), "also" | "later" | "then" | "has" | "had" | "once")) {
            c += 1;
        }
        (c < end && is_cue(doc.token_text(c))).then(|| Found { span: sp, cue: Some(doc.tokens[c]) })
    }

    /// "X said: “…”" / "X told the BBC that “…”" / "according to X, “…”" before the opening mark.
    fn speaker_before(&self, doc: &Document, q: &FoundQuote) -> Option<Found> {
        let sent = doc.sentence_at(q.open.start)?;
        let first = doc.sentences[sent].tokens.start;
        let open_tok = doc.token_at_or_after(q.open.start);
        // the nearest cue before the quote in the same sentence, at most 12 tokens back
        let lo = open_tok.saturating_sub(12).max(first);
        for c in (lo..open_tok).rev() {
            let w = doc.token_text(c);
            if w == "to" && c > first && doc.token_text(c - 1).eq_ignore_ascii_case("according") {
                let end = open_tok;
                let sp = self.noun_phrase_at(doc, c + 1, end)?;
                return Some(Found { span: sp, cue: Some(Span::new(doc.tokens[c - 1].start, doc.tokens[c].end)) });
            }
            if is_cue(w) {
                let sp = self.noun_phrase_before(doc, c, first)?;
                return Some(Found { span: sp, cue: Some(doc.tokens[c]) });
            }
        }
        None
    }

    /// Any "X said" in the sentence holding the quote.
    fn speaker_in_sentence(&self, doc: &Document, q: &FoundQuote) -> Option<Found> {
        let sent = doc.sentence_at(q.content.start)?;
        let r = doc.sentences[sent].tokens.clone();
        for c in r.clone() {
            if doc.tokens[c].start >= q.content.start && doc.tokens[c].end <= q.content.end {
                continue;
            }
            if is_cue(doc.token_text(c)) {
                if let Some(sp) = self.noun_phrase_before(doc, c, r.start) {
                    return Some(Found { span: sp, cue: Some(doc.tokens[c]) });
                }
            }
        }
        None
    }

    /// A speaker phrase starting at token `t`: a pronoun, a capitalised name (titles skipped), or "the <noun>".
    fn noun_phrase_at(&self, doc: &Document, t: usize, end: usize) -> Option<Span> {
        self.noun_phrase_from(doc, t, end).map(|(s, _)| s)
    }

    fn noun_phrase_from(&self, doc: &Document, mut t: usize, end: usize) -> Option<(Span, usize)> {
        if t >= end {
            return None;
        }
        let w = doc.token_text(t);
        if PERSON_PRONOUNS.contains(&w) || GROUP_PRONOUNS.contains(&w) {
            return Some((doc.tokens[t], t + 1));
        }
        if matches!(w, "the" | "The" | "a" | "A" | "an") {
            let n = t + 1;
            if n < end && doc.token_text(n).chars().next().is_some_and(char::is_lowercase) {
                // "the minister", "the company's spokesman"
                let mut e = n + 1;
                while e < end && doc.token_text(e).chars().next().is_some_and(char::is_lowercase) && e - n < 3 && !is_cue(doc.token_text(e)) {
                    e += 1;
                }
                return Some((Span::new(doc.tokens[t].start, doc.tokens[e - 1].end), e));
            }
            t += 1;
        }
        while t < end && (is_title(doc.token_text(t)) || doc.token_text(t) == ".") {
            t += 1;
        }
        let start = t;
        while t < end && doc.token_text(t).chars().next().is_some_and(char::is_uppercase) {
            t += 1;
        }
        (t > start).then(|| (Span::new(doc.tokens[start].start, doc.tokens[t - 1].end), t))
    }

    /// The speaker phrase that ends just before cue token `c` (adverbs and auxiliaries skipped).
    fn noun_phrase_before(&self, doc: &Document, c: usize, first: usize) -> Option<Span> {
        let mut e = c;
        while e > first && {
            let w = doc.token_text(e - 1);
            w.ends_with("ly") || matches!(w, "also" | "has" | "had" | "have" | "later" | "then" | "once" | "previously")
        } {
            e -= 1;
        }
        if e == first {
            return None;
        }
        let w = doc.token_text(e - 1);
        if PERSON_PRONOUNS.contains(&w) || GROUP_PRONOUNS.contains(&w) {
            return Some(doc.tokens[e - 1]);
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            let mut s = e - 1;
            while s > first && doc.token_text(s - 1).chars().next().is_some_and(char::is_uppercase) && !is_title(doc.token_text(s - 1)) {
                s -= 1;
            }
            return Some(Span::new(doc.tokens[s].start, doc.tokens[e - 1].end));
        }
        if w.chars().next().is_some_and(char::is_lowercase) && e >= 2 && matches!(doc.token_text(e - 2), "the" | "The") {
            return Some(Span::new(doc.tokens[e - 2].start, doc.tokens[e - 1].end));
        }
        None
    }

    /// The person or body a speaker phrase stands for.
    fn resolve(&self, doc: &Document, entities: &Entities, span: Span, last: Option<&Speaker>) -> Option<Speaker> {
        let words = span.slice(doc.text);
        let lower = words.to_lowercase();
        let mk = |name: &str| Some(Speaker { name: name.to_string(), start: span.start, end: span.end });
        if let Some(e) = entities.entity_at(span) {
            return mk(&entities.list[e].name);
        }
        let want = if matches!(lower.as_str(), "he" | "she") {
            Some(EntityKind::Person)
        } else if matches!(lower.as_str(), "it" | "they" | "we") || lower.split(' ').nth(1).is_some_and(|n| ORG_NOUNS.contains(&n)) {
            Some(EntityKind::Organization)
        } else {
            None
        };
        let Some(kind) = want else { return mk(words) };
        if let Some(l) = last {
            if kind == EntityKind::Person && entities.list.iter().any(|e| e.name == l.name && e.kind == kind) {
                return mk(&l.name);
            }
        }
        // the latest entity of that kind mentioned before
        let i = entities.mentions.partition_point(|m| m.span.start < span.start);
        (0..i)
            .rev()
            .map(|k| entities.entity_of[k])
            .find(|&e| entities.list[e].kind == kind)
            .map_or_else(|| mk(words), |e| mk(&entities.list[e].name))
    }

    /// Reported speech: "X said (that) …" and "according to X, …" in sentences without quote marks.
    fn add_reported(&self, doc: &Document, entities: &Entities, found: &[FoundQuote], out: &mut Vec<Quote>) {
        let mut fq = 0;
        for s in &doc.sentences {
            while fq < found.len() && found[fq].content.end <= s.span.start {
                fq += 1;
            }
            if fq < found.len() && found[fq].open.start < s.span.end {
                continue; // the sentence has quote marks: handled as direct
            }
            let r = s.tokens.clone();
            for c in r.clone() {
                let w = doc.token_text(c);
                let according = w.eq_ignore_ascii_case("according") && c + 1 < r.end && doc.token_text(c + 1) == "to";
                if !according && !matches!(w, "said" | "says" | "told" | "warned" | "argued" | "claimed" | "insisted" | "added" | "stated" | "believes" | "announced" | "explained") {
                    continue;
                }
                let (speaker_span, content_from, cue) = if according {
                    let Some((sp, next)) = self.noun_phrase_from(doc, c + 2, r.end) else { continue };
                    let comma = (next..r.end).find(|&k| doc.token_text(k) == ",");
                    let Some(comma) = comma else { continue };
                    (sp, comma + 1, Span::new(doc.tokens[c].start, doc.tokens[c + 1].end))
                } else {
                    let Some(sp) = self.noun_phrase_before(doc, c, r.start) else { continue };
                    let mut k = c + 1;
                    if w == "told" {
                        // told <object> (that)
                        while k < r.end && !matches!(doc.token_text(k), "that" | "," | ":") && k - c < 5 {
                            k += 1;
                        }
                    }
                    if k < r.end && matches!(doc.token_text(k), "that" | ":" | ",") {
                        k += 1;
                    }
                    (sp, k, doc.tokens[c])
                };
                let mut end_tok = r.end;
                while end_tok > content_from && matches!(doc.token_text(end_tok - 1), "." | "!" | "?" | ";") {
                    end_tok -= 1;
                }
                if end_tok <= content_from || end_tok - content_from < 4 {
                    continue;
                }
                let content = Span::new(doc.tokens[content_from].start, doc.tokens[end_tok - 1].end);
                let speaker = self.resolve(doc, entities, speaker_span, None);
                out.push(Quote { start: content.start, end: content.end, kind: QuoteKind::Indirect, speaker, cue: Some(cue) });
                break;
            }
        }
    }
}
