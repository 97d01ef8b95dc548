//! Reported speech in sentences without quote marks: "X said (that) …", "X told Y …",
//! "…, X said.", "…, said X.", "according to X, …" and "…, according to X."

use super::cues::is_reporting_cue;
use super::resolve::Resolver;
use super::speaker::{is_between, phrase_after, phrase_before, PhraseKind};
use crate::{Document, Quote, QuoteKind, Span};

/// Reported content shorter than this (in tokens) is not kept.
const MIN_CONTENT: usize = 4;
/// Cues followed by the person spoken to before the content: "told reporters that".
const WITH_OBJECT: &[&str] = &[
    "told", "tells", "telling", "asked", "warned", "urged", "reminded", "assured", "informed",
    "promised",
];

/// Nouns that end a short "when or where it was said" phrase after a cue.
const SETTING_NOUNS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "statement",
    "interview",
    "speech",
    "email",
    "letter",
    "release",
    "conference",
    "call",
    "tweet",
    "post",
    "video",
    "briefing",
    "hearing",
    "debate",
    "rally",
    "time",
    "day",
];

/// The first token after a short "on Monday" / "in a statement" / "last week" phrase at `k`.
fn skip_setting(doc: &Document, k: usize, end: usize) -> usize {
    if k >= end
        || !matches!(
            doc.token_text(k),
            "on" | "in" | "at" | "during" | "last" | "this" | "earlier" | "late" | "early"
        )
    {
        return k;
    }
    let lim = end.min(k + 5);
    match (k + 1..lim).find(|&j| SETTING_NOUNS.contains(&doc.token_text(j))) {
        Some(j) if j + 1 < end => {
            let mut n = j + 1;
            if n < end && doc.token_text(n) == "," {
                n += 1;
            }
            n
        }
        _ => k,
    }
}

/// Words that open an adverbial, not reported content, right after a cue.
const ADVERBIAL_START: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "as",
    "after",
    "before",
    "while",
    "when",
    "with",
    "without",
    "to",
    "for",
    "from",
    "by",
    "of",
    "about",
    "against",
    "down",
    "up",
    "out",
    "off",
    "over",
    "into",
    "through",
    "since",
    "until",
    "earlier",
    "later",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "again",
    "repeatedly",
    "also",
    "back",
];

/// The reported speech of `doc`, skipping sentences with quoted tokens.
pub(crate) fn find_reported(doc: &Document, quoted: &[bool], resolver: &Resolver) -> Vec<Quote> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let r = s.tokens.clone();
        let mut end = r.end;
        while end > r.start && matches!(doc.token_text(end - 1), "." | "!" | "?" | ";" | ")") {
            end -= 1;
        }
        for c in r.start..end {
            if quoted[c] {
                continue;
            }
            if let Some(q) = at_cue(doc, c, r.start, end, resolver)
                .filter(|q| unquoted_tokens(doc, quoted, q) >= MIN_CONTENT)
            {
                out.push(q);
                break;
            }
        }
    }
    out
}

/// Tokens of the content of `q` outside quote marks.
fn unquoted_tokens(doc: &Document, quoted: &[bool], q: &Quote) -> usize {
    let a = doc.token_at_or_after(q.start);
    let b = doc.token_at_or_after(q.end);
    (a..b).filter(|&t| !quoted[t]).count()
}

fn span_of(doc: &Document, a: usize, b: usize) -> Span {
    Span::new(doc.tokens[a].start, doc.tokens[b - 1].end)
}

/// Trims clause punctuation from both ends of tokens `a..b`.
fn trim(doc: &Document, mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && matches!(doc.token_text(a), "," | ":" | "—" | "–" | "-") {
        a += 1;
    }
    while b > a && matches!(doc.token_text(b - 1), "," | ":" | "—" | "–" | "-") {
        b -= 1;
    }
    (a, b)
}

/// Reported speech around token `c` of a sentence spanning tokens `first..end`.
fn at_cue(
    doc: &Document,
    c: usize,
    first: usize,
    end: usize,
    resolver: &Resolver,
) -> Option<Quote> {
    let w = doc.token_text(c);
    let mk = |phrase, cue: Span, a: usize, b: usize| {
        let (a, b) = trim(doc, a, b);
        (b >= a + MIN_CONTENT).then(|| {
            let content = span_of(doc, a, b);
            Quote {
                start: content.start,
                end: content.end,
                kind: QuoteKind::Indirect,
                speaker: Some(resolver.speaker(phrase, None)),
                cue: Some(cue),
            }
        })
    };
    if w.eq_ignore_ascii_case("according") && c + 1 < end && doc.token_text(c + 1) == "to" {
        let cue = span_of(doc, c, c + 2);
        let phrase = phrase_after(doc, c + 2, end)?;
        if c == first
            || (c > first && matches!(doc.token_text(c - 1), "," | "But" | "And")) && c <= first + 1
        {
            // "According to X, content."
            let comma = (c + 2..end).find(|&k| doc.token_text(k) == ",")?;
            return mk(phrase, cue, comma + 1, end);
        }
        // "content, according to X."
        return mk(phrase, cue, first, c);
    }
    if !is_reporting_cue(w) {
        return None;
    }
    let cue = doc.tokens[c];
    if let Some(phrase) = phrase_before(doc, c, first) {
        // the content follows the cue: skip the person spoken to and "that"
        let mut k = c + 1;
        let that = (k..end.min(k + 8)).find(|&j| doc.token_text(j) == "that");
        // "said on Monday …", "said in a statement …": step over when and where it was said
        if that.is_none() {
            k = skip_setting(doc, k, end);
        }
        // "said in April", "said during a session", "said, veering off": no content follows
        let next = if k < end { doc.token_text(k) } else { "" };
        let adverbial = ADVERBIAL_START.contains(&next)
            || next.ends_with("ing")
            || (next == "," && k + 1 < end && doc.token_text(k + 1).ends_with("ing"));
        if adverbial && that.is_none() && end > c + 5 {
            return None;
        }
        if WITH_OBJECT.contains(&w) {
            match that {
                Some(j) => k = j + 1,
                None => {
                    while k < end && k - c <= 4 && !matches!(doc.token_text(k), "," | ":") {
                        k += 1;
                    }
                }
            }
        } else if let Some(j) = that.filter(|&j| j <= c + 4) {
            k = j + 1;
        }
        // "content, X said [on Tuesday]."
        let phrase_start = doc.token_at_or_after(phrase.span.start);
        let tail_short = end <= c + 1 + 4 && that.is_none();
        if phrase_start > first && doc.token_text(phrase_start - 1) == "," && tail_short {
            return mk(phrase, cue, first, phrase_start - 1);
        }
        let after_boundary = phrase_start == first
            || matches!(
                doc.token_text(phrase_start - 1),
                "," | ":"
                    | ";"
                    | "—"
                    | "–"
                    | "But"
                    | "And"
                    | "but"
                    | "and"
                    | "while"
                    | "as"
                    | "when"
                    | "because"
                    | "after"
                    | "since"
                    | "although"
                    | "though"
                    | "whereas"
                    | "if"
            );
        if phrase_start > first + 2
            && !after_boundary
            && !matches!(phrase.kind, PhraseKind::Name | PhraseKind::Pronoun)
        {
            return None;
        }
        return mk(phrase, cue, k, end);
    }
    // "content, said X."
    if c > first + MIN_CONTENT && doc.token_text(c - 1) == "," {
        let mut k = c + 1;
        while k < end && is_between(doc.token_text(k)) {
            k += 1;
        }
        let phrase = phrase_after(doc, k, end)?;
        return mk(phrase, cue, first, c - 1);
    }
    None
}
