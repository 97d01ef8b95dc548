//! Reported speech in sentences without quote marks: "X said (that) …", "X told Y …",
//! "…, X said.", "…, said X.", "according to X, …" and "…, according to X."

use crate::words::{WordHash, WordList};
use super::cues::{is_reporting_cue, reporting_cues};
use std::collections::HashSet;
use std::sync::OnceLock;
use super::resolve::Resolver;
use super::speaker::{is_between, phrase_after, phrase_before, Phrase, PhraseKind, WEEKDAYS};
use crate::{Document, Quote, QuoteKind, Span, Speaker};

/// Readings of one sentence weighed against each other, at most.
const MAX_READINGS: usize = 24;
/// Tokens scanned for where a reported content ends.
const MAX_SCAN: usize = 80;
/// Reported content shorter than this (in tokens) is not kept.
const MIN_CONTENT: usize = 3;
/// Cues followed by the person spoken to before the content: "told reporters that".
static WITH_OBJECT: WordList = WordList::new(&[
    "told", "tells", "telling", "asked", "warned", "urged", "reminded", "assured", "informed",
    "promised",
]);

/// Nouns that end a short "when or where it was said" phrase after a cue.
static SETTING_NOUNS: WordList = WordList::new(&[
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
]);

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
    let ends_setting = |w: &str| SETTING_NOUNS.contains(w) || WEEKDAYS.contains(w);
    match (k + 1..lim).find(|&j| ends_setting(doc.token_text(j))) {
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

/// The first token after the person spoken to at token `k`: "told [CNN] …", "told [the
/// Senate panel] …", "told [reporters] …".
fn skip_object(doc: &Document, k: usize, end: usize) -> usize {
    if k >= end {
        return k;
    }
    let w = doc.token_text(k);
    let cap = |t: &str| t.starts_with(char::is_uppercase);
    let mut n = k;
    if cap(w) {
        while n < end
            && (cap(doc.token_text(n)) || matches!(doc.token_text(n), "’s" | "'s" | "."))
            && n - k < 6
        {
            n += 1;
        }
    } else if matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my"
    ) {
        n += 1;
        while n < end && n - k < 4 && (cap(doc.token_text(n)) || n == k + 1) {
            n += 1;
        }
    } else if w.bytes().all(|b| b.is_ascii_lowercase()) && !matches!(w, "it" | "that" | "this") {
        // "him", "reporters", "supporters"
        n += 1;
    }
    n
}

/// Verbs of intent whose "to …" says what their subject wants, plans or refuses.
static INTENT_CUES: WordList = WordList::new(&[
    "declined",
    "declines",
    "want",
    "wants",
    "wanted",
    "plans",
    "planned",
    "hopes",
    "hoped",
    "seeks",
    "sought",
    "refused",
    "refuses",
    "agreed",
    "agrees",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "threatened",
    "threatens",
    "decided",
    "intends",
    "intended",
]);

/// Verbs whose object is what they report: "endorsed Clinton", "called him divisive".
static OBJECT_CUES: WordList = WordList::new(&[
    "endorsed",
    "endorses",
    "endorse",
    "supports",
    "supported",
    "support",
    "backed",
    "backs",
    "opposed",
    "opposes",
    "oppose",
    "praised",
    "praises",
    "criticized",
    "criticizes",
    "attacked",
    "blamed",
    "blames",
    "called",
    "calls",
    "slammed",
    "denounced",
    "condemned",
]);

/// The fewest tokens of content a reading of cue `w` needs.
fn least_content(w: &str) -> usize {
    if OBJECT_CUES.contains(w) {
        1
    } else {
        MIN_CONTENT
    }
}

/// Whether `w` is a reporting cue, a verb of intent or a verb of thought: a reading past
/// the "Asked …" and "according to …" forms needs one of them, so a word that is none is
/// settled by this one lookup instead of one per list.
fn may_report(w: &str) -> bool {
    static ANY: OnceLock<HashSet<&'static str, WordHash>> = OnceLock::new();
    ANY.get_or_init(|| reporting_cues().chain(INTENT_CUES.words().iter().copied()).chain(THOUGHT_CUES.words().iter().copied()).collect())
        .contains(w)
}

/// Verbs of thought, read as reported when a clause with its own subject follows.
static THOUGHT_CUES: WordList = WordList::new(&[
    "think",
    "thinks",
    "thought",
    "know",
    "knows",
    "knew",
    "feel",
    "feels",
    "felt",
    "fear",
    "fears",
    "feared",
    "worry",
    "worries",
    "worried",
    "hope",
    "expect",
    "doubt",
    "doubts",
    "suspect",
    "suspects",
    "believe",
    "believed",
    "realize",
    "realized",
    "understand",
]);

/// Words that open an adverbial, not reported content, right after a cue.
static ADVERBIAL_START: WordList = WordList::new(&[
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
]);

/// The reported speech of `doc`, skipping sentences with quoted tokens.
pub(crate) fn find_reported(doc: &Document, quoted: &[bool], resolver: &Resolver) -> Vec<Quote> {
    let mut out = Vec::new();
    // unquoted tokens before each token, so a content's count is one subtraction
    let mut unquoted = Vec::with_capacity(quoted.len() + 1);
    unquoted.push(0usize);
    for (i, &q) in quoted.iter().enumerate() {
        unquoted.push(unquoted[i] + usize::from(!q));
    }
    for s in &doc.sentences {
        let r = s.tokens.clone();
        let mut end = r.end;
        while end > r.start && matches!(doc.token_text(end - 1), "." | "!" | "?" | ";" | ")") {
            end -= 1;
        }
        // every cue's reading, strongest first: "also put up" loses to "said"; a second
        // attribution in the sentence ("denied it and said …") is kept when it does not
        // overlap a stronger one
        // "…, analysts say; in 2012 …": a semicolon closes a clause of its own
        let semis: Vec<usize> = (r.start..end)
            .filter(|&k| doc.token_text(k) == ";")
            .collect();
        // only lower-case words, "Asked" and "According" can open a reading
        let may_cue = |w: &str| {
            w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                || matches!(w, "Asked" | "According")
        };
        let mut readings: Vec<(f32, Quote)> = (r.start..end)
            .filter(|&c| !quoted[c] && may_cue(doc.token_text(c)))
            .filter_map(|c| {
                let i = semis.partition_point(|&k| k < c);
                let clause = Clause {
                    doc,
                    resolver,
                    first: if i > 0 { semis[i - 1] + 1 } else { r.start },
                    end: semis.get(i).copied().unwrap_or(end),
                };
                at_cue(&clause, c)
                    .filter(|q| {
                        unquoted_tokens(doc, &unquoted, q) >= least_content(doc.token_text(c))
                    })
                    // the strength only for a reading (most words give none)
                    .map(|q| (super::cues::cue_strength(doc.token_text(c)), q))
            })
            // a run-on "sentence" with hundreds of cues is no sentence: read its first few
            .take(MAX_READINGS)
            .collect();
        // "While 7 percent said they are undecided, 27 percent said …": a reading whose
        // content runs into the next clause's speaker ends at that clause's comma
        let mut starts: Vec<usize> = readings
            .iter()
            .filter_map(|(_, q)| q.speaker.as_ref().filter(|sp| sp.end <= q.start))
            .map(|sp| doc.token_at_or_after(sp.start))
            .filter(|&t| t > r.start + 1 && doc.token_text(t - 1) == ",")
            .collect();
        starts.sort_unstable();
        for (_, q) in readings.iter_mut() {
            let (a, b) = (doc.token_at_or_after(q.start), doc.token_at_or_after(q.end));
            let next = starts.partition_point(|&t| t <= a + MIN_CONTENT);
            if let Some(&t) = starts.get(next).filter(|&&t| t < b) {
                q.end = doc.tokens[t - 2].end;
            }
        }
        readings.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut kept: Vec<Quote> = Vec::new();
        for (_, q) in readings {
            let cue_at = q.cue.map_or(q.start, |c| c.start);
            let clash = kept.iter().any(|k| {
                let kc = k.cue.map_or(k.start, |c| c.start);
                (k.start < q.end && q.start < k.end)
                    || (k.start <= cue_at && cue_at < k.end)
                    || (q.start <= kc && kc < q.end)
            });
            if !clash {
                kept.push(q);
            }
        }
        out.extend(kept);
    }
    out
}

/// Transcript lines and headline attributions: a paragraph opening with a speaker's label
/// and a colon ("SMITH: We will …", "Lynch: No outside influence"), without quote marks.
pub(crate) fn find_labelled(doc: &Document, quoted: &[bool], resolver: &Resolver) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut prev_block = usize::MAX;
    for s in &doc.sentences {
        if s.block == prev_block {
            continue;
        }
        prev_block = s.block;
        let first = s.tokens.start;
        let Some(colon) =
            (first + 1..s.tokens.end.min(first + 4)).find(|&k| doc.token_text(k) == ":")
        else {
            continue;
        };
        let label = (first..colon).all(|k| super::speaker::is_name_token(doc.token_text(k)));
        let block_end = doc.blocks.get(s.block).map_or(s.span.end, |b| b.end);
        let last = doc.token_at_or_after(block_end);
        if !label || last < colon + 1 + MIN_CONTENT || (first..last).any(|k| quoted[k]) {
            continue;
        }
        let phrase = Phrase {
            span: span_of(doc, first, colon),
            kind: PhraseKind::Name,
        };
        out.push(indirect(
            span_of(doc, colon + 1, last),
            Some(resolver.speaker(phrase, None)),
            doc.tokens[colon],
        ));
    }
    out
}

/// A reported-speech quote of `content`, attributed by `cue`.
fn indirect(content: Span, speaker: Option<Speaker>, cue: Span) -> Quote {
    Quote {
        start: content.start,
        end: content.end,
        kind: QuoteKind::Indirect,
        speaker,
        cue: Some(cue),
    }
}

/// Tokens of the content of `q` outside quote marks.
/// `unquoted[t]` is the number of unquoted tokens before token `t`.
fn unquoted_tokens(doc: &Document, unquoted: &[usize], q: &Quote) -> usize {
    let a = doc.token_at_or_after(q.start).min(unquoted.len() - 1);
    let b = doc.token_at_or_after(q.end).min(unquoted.len() - 1);
    unquoted[b].saturating_sub(unquoted[a])
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

/// True for a closing quote mark token.
fn is_closing_mark(w: &str) -> bool {
    matches!(w, "”" | "\"" | "'" | "’")
}

/// True for the punctuation that ends a clause before a speaker phrase ("…, X said").
fn is_clause_break(w: &str) -> bool {
    matches!(w, "," | ":" | ";" | "—" | "–" | "--")
}

/// Words allowed inside a speaker phrase grown back to its clause's start: "sources
/// [close to] her campaign", "67 percent [of] voters".
fn is_phrase_inner(w: &str) -> bool {
    matches!(
        w,
        "to" | "of" | "for" | "in" | "at" | "from" | "with" | "close" | "on"
    )
}

/// "Rather, sources close to her campaign say": the phrase `p` (starting at token `ps`),
/// grown back to the clause break or sentence start within a few tokens, else `None`.
fn grow_to_clause_start(doc: &Document, p: Phrase, ps: usize, first: usize) -> Option<Phrase> {
    // "…, and this week the harbour master said": the phrase starts after when it was said
    if ps >= first + 2 && super::speaker::opens_with_when(doc, ps - 2) {
        let clause_opens = |w: &str| is_clause_break(w) || matches!(w, "and" | "but" | "But" | "And");
        if ps - 2 == first || clause_opens(doc.token_text(ps - 3)) {
            return Some(p);
        }
    }
    let mut s = ps;
    while s > first && ps - s < 6 {
        let w = doc.token_text(s - 1);
        if is_clause_break(w) || matches!(w, "But" | "And" | "Rather" | "Still" | "Yet") {
            break;
        }
        let wordlike = w.chars().any(char::is_alphanumeric);
        if !wordlike || super::is_cue(w) || (w.ends_with("ed") && w.len() > 4) {
            return None;
        }
        if super::speaker::is_clause_word(w) && !is_phrase_inner(w) {
            return None;
        }
        s -= 1;
    }
    let at_break = s == first
        || is_clause_break(doc.token_text(s - 1))
        || matches!(
            doc.token_text(s - 1),
            "But" | "And" | "Rather" | "Still" | "Yet"
        );
    at_break.then(|| Phrase {
        span: Span::new(doc.tokens[s].start, p.span.end),
        kind: PhraseKind::Description,
    })
}

/// The source named after "according to" at token `t`: its head, else the words up to the
/// next comma ("a fact sheet lawmakers released Monday", "poll").
fn source_after(doc: &Document, t: usize, end: usize) -> Option<Phrase> {
    phrase_after(doc, t, end).or_else(|| {
        let stop = (t..end.min(t + 12))
            .find(|&k| is_clause_break(doc.token_text(k)))
            .unwrap_or(end.min(t + 12));
        (stop > t && doc.token_text(t).chars().any(char::is_alphanumeric)).then(|| Phrase {
            span: span_of(doc, t, stop),
            kind: PhraseKind::Description,
        })
    })
}

/// True when the phrase read after an inverted cue ("…, said X") ends the clause: what
/// follows it is the sentence's end, punctuation or a preposition, not a verb of its own
/// ("…, said economic stagnation is the source" is a subject, not a speaker).
fn ends_clause(doc: &Document, p: Phrase, end: usize) -> bool {
    let after = doc.token_at_or_after(p.span.end);
    if after >= end {
        return true;
    }
    let w = doc.token_text(after);
    !w.chars().any(char::is_alphanumeric)
        || matches!(
            w,
            "of" | "who"
                | "in"
                | "at"
                | "on"
                | "during"
                | "for"
                | "to"
                | "from"
                | "with"
                | "when"
                | "after"
                | "as"
                | "last"
                | "this"
                | "earlier"
                | "about"
                | "via"
                | "told"
                | "and"
                | "before"
                | "while"
                | "yesterday"
                | "today"
                | "tonight"
        )
}

/// Where reported content that starts at token `k` ends, at most at `end`: before a
/// comment the writer adds (", which was passed in 2010", ", but …") or a second
/// attribution ("… and said …").
fn content_end(doc: &Document, k: usize, end: usize) -> usize {
    for j in k + MIN_CONTENT..end.min(k + MAX_SCAN) {
        let w = doc.token_text(j);
        let next = if j + 1 < end {
            doc.token_text(j + 1)
        } else {
            ""
        };
        if matches!(w, "and" | "but") {
            let mut n = j + 1;
            while n < end && is_between(doc.token_text(n)) {
                n += 1;
            }
            if n < end && super::is_cue(doc.token_text(n)) {
                return j;
            }
        }
        if w == ","
            && matches!(
                next,
                "which" | "who" | "whose" | "but" | "while" | "although" | "though" | "whereas"
            )
        {
            return j;
        }
    }
    end
}

/// "Army Capt. Ann Ruiz, who said she would not vote, …": a relative clause whose subject
/// is "who". The speaker's words are the "who" as written, its name the person before it;
/// the content ends with the clause, at its closing comma.
fn relative_subject(clause: &Clause, c: usize) -> Option<Quote> {
    let (doc, resolver, first, end) = (clause.doc, clause.resolver, clause.first, clause.end);
    let mut r = c;
    while r > first && is_between(doc.token_text(r - 1)) {
        r -= 1;
    }
    if r < first + 2 || !matches!(doc.token_text(r - 1), "who" | "which") {
        return None;
    }
    let rel = r - 1;
    // without a person named before it, the "who" stands for itself
    let antecedent = phrase_before(doc, rel, first).unwrap_or(Phrase {
        span: doc.tokens[rel],
        kind: PhraseKind::Description,
    });
    let mut k = c + 1;
    let that = (k..end.min(k + 8)).find(|&j| doc.token_text(j) == "that");
    match that {
        Some(j) if j <= c + 6 => k = j + 1,
        _ => k = skip_setting(doc, k, end),
    }
    let stop = (k + MIN_CONTENT..end.min(k + MAX_SCAN))
        .find(|&j| doc.token_text(j) == ",")
        .unwrap_or(end);
    let (a, b) = trim(doc, k, stop);
    if b < a + MIN_CONTENT || ADVERBIAL_START.contains(doc.token_text(a)) {
        return None;
    }
    let content = span_of(doc, a, b);
    let mut speaker = resolver.speaker(antecedent, None);
    speaker.start = doc.tokens[rel].start;
    speaker.end = doc.tokens[rel].end;
    Some(indirect(content, Some(speaker), doc.tokens[c]))
}

/// The particles a cue takes before what it reports: "called for", "referring to".
fn particle_of(cue: &str) -> &'static [&'static str] {
    let stem = cue
        .strip_suffix("ing")
        .or_else(|| cue.strip_suffix("ed"))
        .or_else(|| cue.strip_suffix('s'))
        .unwrap_or(cue);
    match stem {
        "call" => &["for", "on"],
        "referr" | "refer" | "point" => &["to"],
        "talk" | "complain" | "spoke" | "speak" => &["about"],
        "warn" => &["of", "about", "against"],
        "vot" | "vote" => &["for", "against"],
        _ => &[],
    }
}

/// A sentence read for reported speech: its tokens `first..end`, final punctuation left out.
#[derive(Clone, Copy)]
struct Clause<'a, 'd, 'r> {
    doc: &'a Document<'d>,
    resolver: &'a Resolver<'r, 'd>,
    first: usize,
    end: usize,
}

/// "Asked whether the ferry would run, Ruiz said …": the question opening the sentence,
/// put by someone the text does not name, so it has no speaker.
fn asked_question(doc: &Document, c: usize, end: usize) -> Option<Quote> {
    let mut a = c + 1;
    if a < end && doc.token_text(a) == "about" {
        a += 1;
    }
    let comma = (a..end.min(a + 30)).find(|&k| doc.token_text(k) == ",")?;
    let (a, b) = trim(doc, a, comma);
    (b >= a + MIN_CONTENT).then(|| indirect(span_of(doc, a, b), None, doc.tokens[c]))
}

/// Whether "add" at token `c` puts something somewhere ("added two names to the list",
/// "added to the cost") rather than saying more: a "to" follows before any sign of a clause.
fn adds_a_thing(doc: &Document, c: usize, end: usize) -> bool {
    const CLAUSE: &[&str] = &[
        "that", ",", ":", "is", "was", "are", "were", "will", "would", "has", "had", "have",
        "can", "could", "should", "may", "might", "must", "did", "does",
    ];
    for k in c + 1..end.min(c + 10) {
        let t = doc.token_text(k);
        if t == "to" {
            return true;
        }
        if CLAUSE.contains(&t) || is_closing_mark(t) || t.starts_with(['“', '"', '‘']) {
            return false;
        }
    }
    false
}

/// Reported speech around token `c` of a sentence.
fn at_cue(clause: &Clause, c: usize) -> Option<Quote> {
    let (doc, resolver, first, end) = (clause.doc, clause.resolver, clause.first, clause.end);
    let w = doc.token_text(c);
    // asked of every lower-case word, and most are no cue: one lookup turns them away
    if !may_report(w) && w != "Asked" && !w.eq_ignore_ascii_case("according") {
        return None;
    }
    // "endorsed Clinton", "called him divisive": what these verbs report is their object
    let least = least_content(w);
    let mk = |phrase, cue: Span, a: usize, b: usize| {
        let (a, b) = trim(doc, a, b);
        (b >= a + least).then(|| {
            indirect(
                span_of(doc, a, b),
                Some(resolver.speaker(phrase, None)),
                cue,
            )
        })
    };
    if w == "Asked" && c == first {
        return asked_question(doc, c, end);
    }
    if w.eq_ignore_ascii_case("according") && c + 1 < end && doc.token_text(c + 1) == "to" {
        let cue = span_of(doc, c, c + 2);
        let phrase = source_after(doc, c + 2, end)?;
        if c == first
            || (c > first && matches!(doc.token_text(c - 1), "," | "But" | "And")) && c <= first + 1
        {
            // "According to X, content."
            let comma = (c + 2..end).find(|&k| doc.token_text(k) == ",")?;
            return mk(phrase, cue, comma + 1, end);
        }
        // "content, according to X, more content.": the whole sentence is the source's
        let source_end = doc.token_at_or_after(phrase.span.end);
        let comma = (source_end..end.min(source_end + 8)).find(|&k| doc.token_text(k) == ",");
        if c > first && doc.token_text(c - 1) == "," && comma.is_some_and(|k| end > k + MIN_CONTENT)
        {
            return mk(phrase, cue, first, end);
        }
        // "content, according to X."
        return mk(phrase, cue, first, c);
    }
    let intent = INTENT_CUES.contains(w) && c + 1 < end && doc.token_text(c + 1) == "to";
    // "they think that …", "voters fear he …": a thought with a clause of its own
    let thought = THOUGHT_CUES.contains(w)
        && c + 1 < end
        && (doc.token_text(c + 1) == "that"
            || super::speaker::is_pronoun(doc.token_text(c + 1))
            || super::speaker::is_name_token(doc.token_text(c + 1)));
    // "declined to say …": read as the intent, not as what was said
    if c >= first + 2
        && doc.token_text(c - 1) == "to"
        && INTENT_CUES.contains(doc.token_text(c - 2))
    {
        return None;
    }
    if !is_reporting_cue(w) && !intent && !thought {
        return None;
    }
    // "the ministry added Norvik and 70 affiliates to its list": a thing moved, nothing said
    if matches!(w, "added" | "adds" | "add") && adds_a_thing(doc, c, end) {
        return None;
    }
    // "Norvik's claims to independence": after a possessive the cue is a noun
    if c > first && matches!(doc.token_text(c - 1), "’s" | "'s") && w.ends_with('s') {
        return None;
    }
    let cue = doc.tokens[c];
    if let Some(q) = relative_subject(clause, c) {
        return Some(q);
    }
    // "content, said X." / "“…,” said X"
    let comma = c > first + MIN_CONTENT
        && (doc.token_text(c - 1) == ","
            || (is_closing_mark(doc.token_text(c - 1)) && doc.token_text(c - 2) == ","));
    // "Rep. Lee Zeldin of New York, a Trump supporter, said …": a long subject the phrase
    // reader gives up on is still the sentence's subject
    let subject = || {
        let apposition = c > first + 2 && matches!(doc.token_text(c - 1), "," | "—" | "–" | "--");
        (apposition && super::cues::cue_strength(w) >= 0.6)
            .then(|| super::speaker::sentence_subject(doc, first, c))
            .flatten()
            .filter(|p| {
                p.kind == PhraseKind::Name && doc.token_at_or_after(p.span.start) <= first + 3
            })
    };
    // "it should be noted that", "it is reported that": nobody is named as saying it
    let impersonal = |p: &Phrase| {
        p.kind == PhraseKind::Pronoun
            && p.span.slice(doc.text).eq_ignore_ascii_case("it")
            && (doc.token_at_or_after(p.span.end)..c)
                .any(|k| matches!(doc.token_text(k), "be" | "is" | "was" | "been" | "being"))
    };
    if let Some(phrase) = phrase_before(doc, c, first).or_else(subject) {
        if impersonal(&phrase) {
            return None;
        }
        // the content follows the cue: skip the person spoken to and "that"
        let mut k = c + 1;
        let that = (k..end.min(k + 8)).find(|&j| doc.token_text(j) == "that");
        // "said on Monday …", "said in a statement …": step over when and where it was said
        if that.is_none() {
            k = skip_setting(doc, k, end);
        }
        // "called for big tax cuts", "referred to the plan": the particle belongs to the cue
        if k == c + 1 && k < end && particle_of(w).contains(&doc.token_text(k)) {
            k += 1;
            return mk(phrase, cue, k, content_end(doc, k, end));
        }
        // "declined to say whether …", "wants to unseat …": the intent is the content
        if intent {
            return mk(phrase, cue, c + 1, content_end(doc, c + 1, end));
        }
        // "said in April", "said during a session", "said, veering off": no content follows
        let next = if k < end { doc.token_text(k) } else { "" };
        let adverbial = ADVERBIAL_START.contains(next)
            || (next == "," && k + 1 < end && doc.token_text(k + 1).ends_with("ing"));
        if adverbial && that.is_none() && end > c + 5 {
            return None;
        }
        if matches!(w, "asked" | "asks" | "urged" | "urges") && that.is_none() {
            // "asked Flynn to describe Putin": the person asked is part of what was asked
        } else if WITH_OBJECT.contains(w) {
            match that {
                Some(j) => k = j + 1,
                None => k = skip_setting(doc, skip_object(doc, k, end), end),
            }
        } else if let Some(j) = that.filter(|&j| j <= c + 4) {
            k = j + 1;
        }
        // "content, X said [on Tuesday]." / "“…,” X said": the content is before
        let phrase_start = doc.token_at_or_after(phrase.span.start);
        let mut before_end = phrase_start;
        if before_end > first && is_closing_mark(doc.token_text(before_end - 1)) {
            before_end -= 1;
            while before_end > first && doc.token_text(before_end - 1) == "'" {
                before_end -= 1;
            }
        }
        let comma_before = before_end > first && doc.token_text(before_end - 1) == ",";
        let tail = end.saturating_sub(c + 1);
        // "…, Spicer said, adding …": what follows is the speaker's next act
        let participle_next =
            c + 2 < end && doc.token_text(c + 1) == "," && doc.token_text(c + 2).ends_with("ing");
        // "Those who can vote, he said, must still register": the sentence around it
        let parenthetical = comma_before
            && before_end == phrase_start
            && c + 1 < end
            && doc.token_text(c + 1) == ","
            && end > c + 2 + MIN_CONTENT;
        if parenthetical && before_end - first > 2 {
            return mk(phrase, cue, first, end);
        }
        if comma_before
            && (tail <= 4 || participle_next)
            && that.is_none()
            && before_end - first > tail.min(4)
        {
            // a closing mark stays with the words it closes
            let content_end = if before_end < phrase_start {
                phrase_start
            } else {
                before_end - 1
            };
            return mk(phrase, cue, first, content_end);
        }
        let after_boundary = phrase_start == first
            || matches!(
                doc.token_text(phrase_start - 1),
                "," | ":"
                    | "which"
                    | "where"
                    | "whom"
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
        let phrase = if phrase_start > first + 2
            && !after_boundary
            && !matches!(phrase.kind, PhraseKind::Name | PhraseKind::Pronoun)
        {
            grow_to_clause_start(doc, phrase, phrase_start, first)?
        } else {
            phrase
        };
        return mk(phrase, cue, k, content_end(doc, k, end));
    }
    if comma {
        let mut k = c + 1;
        while k < end && is_between(doc.token_text(k)) {
            k += 1;
        }
        // a description after the cue is a speaker only when short: "said one GOP source",
        // not "say the economy reflects an improvement"
        let short = |p: &Phrase| {
            p.kind != PhraseKind::Description
                || doc.token_at_or_after(p.span.end) - doc.token_at_or_after(p.span.start) <= 4
        };
        if let Some(phrase) =
            phrase_after(doc, k, end).filter(|p| short(p) && ends_clause(doc, *p, end))
        {
            let stop = if doc.token_text(c - 1) == "," {
                c - 1
            } else {
                c - 2
            };
            return mk(phrase, cue, first, stop);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_lookup_answers_as_the_three_lists_do() {
        let words = ["said", "says", "told", "declined", "wants", "think", "fear", "according", "Said", "States", "states", "bread", "the", "warned", "seemed", ""];
        for w in words.iter().copied().chain(INTENT_CUES.words().iter().copied()).chain(THOUGHT_CUES.words().iter().copied()) {
            let each = is_reporting_cue(w) || INTENT_CUES.contains(w) || THOUGHT_CUES.contains(w);
            assert_eq!(may_report(w), each, "{w:?}");
        }
        assert!(may_report("said") && !may_report("bread") && !may_report("Said"));
    }
}
