//! Reads the phrase that names a speaker next to a cue: "Prof Steve Tsang", "he",
//! "the company", "one longtime adviser", and picks its head, the words that name the
//! speaker ("Lael Brainard, a Fed governor," → "Lael Brainard").

use crate::words::WordList;
use crate::names::is_title;
use crate::{Document, Span};

/// What a speaker phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    /// A capitalised name: "Steve Tsang", "Huawei".
    Name,
    /// "he", "she", "they", "it", "we".
    Pronoun,
    /// A description: "the minister", "one user", "Donald Trump's son".
    Description,
}

/// The words that name a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub span: Span,
    pub kind: PhraseKind,
}

/// Longest speaker phrase read, in tokens.
const MAX_PHRASE: usize = 10;

/// Pronouns that can name a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
/// Words that open a description: "the minister", "one user".
static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "this", "that",
    "some", "many", "several",
]);
/// Words that end a phrase read forwards: "said Tsang [of] Soas", "adviser [to] Clinton".
static STOP_AFTER: WordList = WordList::new(&[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "who",
    "which",
    "whose",
    "to",
    "of",
    "for",
    "from",
    "and",
    "but",
    "or",
    "that",
    "as",
    "with",
    "about",
    "by",
    "last",
    "this",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "via",
    "told",
    "since",
    "because",
    "if",
    "where",
    "recently",
    "is",
    "was",
    "has",
    "had",
]);
/// Words that begin a clause, so a phrase read backwards stops after them.
static STOP_BEFORE: WordList = WordList::new(&[
    "that", "and", "but", "as", "when", "while", "because", "if", "after", "before", "where",
    "which", "who", "whom", "so", "then", "though", "although", "since", "than", "or", "until",
    "once", "what", "how", "why", "whether", "to", "said", "says", "say",
]);
/// Words between a subject and its cue: "has", "also", "reportedly".
static BETWEEN: WordList = WordList::new(&[
    "has",
    "had",
    "have",
    "also",
    "later",
    "then",
    "once",
    "previously",
    "will",
    "would",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "had",
    "not",
    "never",
    "further",
    "again",
    "often",
    "first",
    "still",
    "recently",
    "just",
    "even",
    "already",
    "can",
    "should",
    "must",
    "been",
    "be",
    "being",
    "last",
    "simply",
    "however",
    "too",
    "both",
    "all",
    "’s",
    "'s",
    "now",
    "repeatedly",
    "publicly",
    "privately",
    "flatly",
]);
/// Lower-case words that never end a speaker description.
static FUNCTION_WORDS: WordList = WordList::new(&[
    "and", "but", "or", "only", "so", "then", "also", "that", "which", "who", "not", "just", "as",
    "if", "when", "while", "because", "the", "a", "an", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "this", "these", "those", "there", "here", "what", "how", "why", "where",
    "all", "both", "each", "even", "still", "yet", "now", "however", "thing", "things", "way",
    "time", "times", "year", "years", "day", "days", "week", "weeks", "is", "was", "be",
]);
/// The days of the week: never names, and the end of a "when it was said" phrase.
pub(crate) static WEEKDAYS: WordList = WordList::new(&[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]);

/// Capitalised words that are not part of a name (days, months, sentence openers).
static NOT_NAMES: WordList = WordList::new(&[
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "When",
    "While",
    "After",
    "Before",
    "So",
    "Then",
    "Yet",
    "Still",
    "Meanwhile",
    "However",
    "Asked",
    "Speaking",
    "Earlier",
    "Later",
    "Last",
    "This",
    "That",
    "It",
    "He",
    "She",
    "They",
    "We",
    "Though",
    "Although",
    "According",
    "The",
    "A",
    "An",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "Your",
    "There",
    "Here",
    "What",
    "Why",
    "How",
    "If",
    "Now",
    "Even",
    "Only",
    "All",
    "Some",
    "Many",
    "Most",
    "Both",
    "Each",
    "No",
    "Not",
    "For",
    "With",
    // sentence adverbs that open a clause before its subject: "Nonetheless, X said"
    "Nonetheless",
    "Nevertheless",
    "Today",
    "Yesterday",
    "Tonight",
    "Instead",
    "Indeed",
    "Moreover",
    "Furthermore",
    "Similarly",
    "Likewise",
    "Overall",
    "Separately",
    "Ultimately",
    "Additionally",
    "Perhaps",
    "Interestingly",
    "Notably",
    "Increasingly",
    "Initially",
    "Finally",
    "Recently",
    "Currently",
    "Again",
    "Also",
    "Already",
    "Otherwise",
    "Thus",
    "Besides",
    "Regardless",
    "Previously",
    "Privately",
    "Publicly",
    "Just",
    "Nearly",
    "Almost",
    "About",
    "More",
    "Fewer",
    "Less",
]);

fn is_punct(w: &str) -> bool {
    !w.chars().any(char::is_alphanumeric)
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_lower_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| {
        c.is_lowercase() || (c.is_ascii_digit() && w.contains(|c: char| c.is_alphabetic()))
    })
}

/// True for a token that can be part of a name run: "Steve", "O'Neil", "U.S.", "Jr.".
pub(crate) fn is_name_token(w: &str) -> bool {
    is_cap(w) && !NOT_NAMES.contains(w) && !WEEKDAYS.contains(w)
}

pub(crate) fn is_pronoun(w: &str) -> bool {
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// True for a word that begins a clause ("that", "when", "because"), so no speaker
/// phrase reads across it.
pub(crate) fn is_clause_word(w: &str) -> bool {
    STOP_BEFORE.contains(w)
}

pub(crate) fn is_between(w: &str) -> bool {
    BETWEEN.contains(w) || (w.len() > 4 && w.ends_with("ly") && is_lower_word(w))
}

/// True when tokens `k`, `k + 1` say when ("this week", "last month") and a determiner
/// follows: "this week the minister said".
pub(crate) fn opens_with_when(doc: &Document, k: usize) -> bool {
    k + 2 < doc.tokens.len()
        && matches!(doc.token_text(k).to_lowercase().as_str(), "this" | "last" | "earlier")
        && matches!(
            doc.token_text(k + 1),
            "week" | "weekend" | "month" | "year" | "morning" | "evening"
        )
        && DETERMINERS.contains(doc.token_text(k + 2))
}

/// The head of the phrase in tokens `lo..hi`: a name, a pronoun or a description.
pub(crate) fn head_of(doc: &Document, lo: usize, hi: usize) -> Option<Phrase> {
    let (mut lo, mut hi) = (lo, hi);
    // "Rep. Emanuel Cleaver II (D-Mo.)": the party tag is not part of the name
    if let Some(p) = (lo..hi).find(|&k| doc.token_text(k) == "(") {
        if p > lo {
            hi = p;
        }
    }
    while lo < hi && is_punct(doc.token_text(lo)) {
        lo += 1;
    }
    // "this week the defence minister said": when it was said is not who said it
    if hi > lo + 3 && opens_with_when(doc, lo) {
        lo += 2;
    }
    // "Butterfield of North Carolina", "the Russian Embassy in London": the place is not the speaker
    if let Some(p) = (lo + 1..hi).find(|&k| {
        matches!(doc.token_text(k), "of" | "in" | "from" | "at") && is_cap(doc.token_text(k - 1))
    }) {
        let named_before =
            (lo..p).any(|k| is_name_token(doc.token_text(k)) && !is_title(doc.token_text(k)));
        if p + 1 < hi
            && is_cap(doc.token_text(p + 1))
            && named_before
            && !matches!(
                doc.token_text(p - 1),
                "State" | "Representatives" | "Commons" | "Lords" | "Staff"
            )
        {
            hi = p;
        }
    }
    while hi > lo && (is_punct(doc.token_text(hi - 1)) || is_between(doc.token_text(hi - 1))) {
        hi -= 1;
    }
    if hi <= lo || hi - lo > MAX_PHRASE {
        return None;
    }
    let last = doc.token_text(hi - 1);
    if is_pronoun(last) && (hi - lo == 1 || !matches!(doc.token_text(hi - 2), "’s" | "'s")) {
        return Some(Phrase {
            span: doc.tokens[hi - 1],
            kind: PhraseKind::Pronoun,
        });
    }
    if is_name_token(last) || (last.ends_with('.') && hi - lo > 1 && is_cap(last)) {
        let mut s = hi - 1;
        while s > lo {
            let p = doc.token_text(s - 1);
            let dot_of_initial = p == "."
                && s >= lo + 2
                && is_name_token(doc.token_text(s - 2))
                && !is_title(doc.token_text(s - 2));
            if (!is_name_token(p) || is_title(p)) && !dot_of_initial {
                break;
            }
            s -= 1;
        }
        // a possessive before the run ("Trump's Steve Bannon") stays outside
        return Some(Phrase {
            span: Span::new(doc.tokens[s].start, doc.tokens[hi - 1].end),
            kind: PhraseKind::Name,
        });
    }
    // "Nearly nine out of 10", "Just shy of half, 49%": a share of a group that answered
    let share = last == "%" || (last.bytes().all(|b| b.is_ascii_digit()) && hi - lo >= 3);
    if share && hi - lo <= 6 && !STOP_AFTER.contains(doc.token_text(lo).to_lowercase().as_str()) {
        return Some(Phrase {
            span: Span::new(doc.tokens[lo].start, doc.tokens[hi - 1].end),
            kind: PhraseKind::Description,
        });
    }
    if is_title(last) && hi - lo >= 1 {
        // "the senator", "the president"
        return Some(Phrase {
            span: Span::new(doc.tokens[lo].start, doc.tokens[hi - 1].end),
            kind: PhraseKind::Description,
        });
    }
    if is_lower_word(last) && !is_pronoun(last) && !FUNCTION_WORDS.contains(last) {
        // a description: at most six words, and it must not hold a verb-like word
        let s = lo.max(hi.saturating_sub(6));
        let first = doc.token_text(s);
        // "those surveyed", "voters polled": a group named by what was done to it
        let polled = hi - s == 2
            && matches!(
                first.to_lowercase().as_str(),
                "those" | "people" | "voters" | "respondents" | "americans" | "adults"
            );
        // "in the 2008 primary", "and the crowd": a description opens with its noun or determiner
        if (FUNCTION_WORDS.contains(first) || STOP_AFTER.contains(first))
            && !DETERMINERS.contains(first)
            && !polled
        {
            return None;
        }
        if (s..hi).any(|k| matches!(doc.token_text(k), "and" | "that" | "at" | "which")) {
            return None;
        }
        // a description holds no verb: "the industry's decline is forcing" is a clause
        let verb_like = |k: usize| {
            let w = doc.token_text(k);
            (BETWEEN.contains(w) && !matches!(w, "’s" | "'s")) || super::is_cue(w)
        };
        if last.ends_with("ing")
            || (last.ends_with("ed") && !last.ends_with("eed") && !polled)
            || (s..hi).any(verb_like)
        {
            return None;
        }
        if hi - lo == 1 {
            // a bare lower-case word names a group only as a plural ("officials", "critics")
            let plural = first.len() > 3 && first.ends_with('s') && !first.ends_with("ss");
            return plural.then_some(Phrase {
                span: doc.tokens[s],
                kind: PhraseKind::Description,
            });
        }
        return Some(Phrase {
            span: Span::new(doc.tokens[s].start, doc.tokens[hi - 1].end),
            kind: PhraseKind::Description,
        });
    }
    None
}

/// The speaker phrase that starts at token `t` and reads forwards ("said [Prof Steve Tsang] of Soas").
pub(crate) fn phrase_after(doc: &Document, t: usize, end: usize) -> Option<Phrase> {
    if t < end && STOP_AFTER.contains(doc.token_text(t)) {
        return None;
    }
    let mut e = t;
    while e < end && e - t < MAX_PHRASE {
        let w = doc.token_text(e);
        if e > t && (STOP_AFTER.contains(w) || super::is_cue(w)) {
            break;
        }
        if is_punct(w) && !matches!(w, "." | "’s" | "'s" | "/" | "-" | "&") {
            break;
        }
        if w == "."
            && !(e > t && (is_title(doc.token_text(e - 1)) || doc.token_text(e - 1).len() == 1))
        {
            break;
        }
        e += 1;
    }
    // "said Smith, a professor" → Smith; "said one adviser to Clinton" → one adviser
    head_of(doc, t, e)
}

/// The speaker phrase that ends just before cue token `c`, reading backwards to the start
/// of the clause (`first` is the first token it may use). Handles "X, a Y, said".
pub(crate) fn phrase_before(doc: &Document, c: usize, first: usize) -> Option<Phrase> {
    let mut e = c;
    // "Rep. Trey Gowdy (R-S.C.) said": the party tag is not the clause's end
    if e > first + 2 && doc.token_text(e - 1) == ")" {
        if let Some(open) = (e.saturating_sub(8).max(first)..e - 1)
            .rev()
            .find(|&k| doc.token_text(k) == "(")
        {
            if open > first {
                e = open;
            }
        }
    }
    // "The IMF this week said", "The administration on Friday officially accused"
    while e > first && (is_between(doc.token_text(e - 1)) || is_time_word(doc.token_text(e - 1))) {
        e -= 1;
    }
    // "went on to say", "declined to say": the subject is before the verb chain
    if e > first + 1 && doc.token_text(e - 1) == "to" {
        e -= 1;
        let mut k = 0;
        while e > first
            && k < 3
            && (is_lower_word(doc.token_text(e - 1))
                && !STOP_BEFORE.contains(doc.token_text(e - 1)))
        {
            e -= 1;
            k += 1;
        }
        while e > first && is_between(doc.token_text(e - 1)) {
            e -= 1;
        }
    }
    // "…, saying", "and added", "but conceded": the cue shares the sentence's subject
    let cue = doc.token_text(c);
    let participle = cue.ends_with("ing")
        && e > first
        && matches!(
            doc.token_text(e - 1),
            "," | "—" | "–" | "by" | "before" | "after" | "while" | "only"
        );
    let coordinated = e > first + 1
        && matches!(doc.token_text(e - 1), "and" | "but")
        && doc.token_text(e - 2) != ",";
    if participle || coordinated {
        // "Smith said, adding": the speaker of the cue before it; else the sentence's subject
        let lo = e.saturating_sub(2 * MAX_PHRASE).max(first);
        if let Some(prev_cue) = (lo..e.saturating_sub(1))
            .rev()
            .find(|&k| super::is_cue(doc.token_text(k)) && !doc.token_text(k).ends_with("ing"))
        {
            if let Some(p) = phrase_before(doc, prev_cue, first) {
                return Some(p);
            }
        }
        return sentence_subject(doc, first, e);
    }
    let s = clause_start(doc, e, first);
    if s < e {
        let head = head_of(doc, s, e)?;
        // "Lael Brainard, a Fed governor, said": an apposition after a name
        if head.kind == PhraseKind::Description && s > first + 1 && doc.token_text(s - 1) == "," {
            let s2 = clause_start(doc, s - 1, first);
            if let Some(h2) = head_of(doc, s2, s - 1)
                .filter(|h| h.kind == PhraseKind::Name && whole_name(doc, s2, s - 1))
            {
                return Some(h2);
            }
        }
        return Some(head);
    }
    // empty: "Smith, 67, said" / "Smith, who chairs the panel, said"
    if e > first + 1 && matches!(doc.token_text(e - 1), "," | "—" | "–" | "--") {
        // a relative clause: ", who … ," right before the cue
        let lo = e.saturating_sub(3 * MAX_PHRASE).max(first);
        if let Some(w) = (lo..e - 1).rev().find(|&k| {
            matches!(doc.token_text(k), "who" | "which")
                && k > first + 1
                && matches!(doc.token_text(k - 1), "," | "—" | "–" | "--")
        }) {
            let s2 = clause_start(doc, w - 1, first);
            let det = DETERMINERS.contains(doc.token_text(s2).to_lowercase().as_str());
            if let Some(h) = head_of(doc, s2, w - 1)
                .filter(|h| h.kind != PhraseKind::Description || det || whole_name(doc, s2, w - 1))
            {
                return Some(h);
            }
        }
        let mut k = e - 1;
        for _ in 0..3 {
            let s2 = clause_start(doc, k, first);
            // "Lynchburg, Va., said": a state after its city is part of a place, not a speaker
            let state = k == s2 + 1
                && s2 >= first + 2
                && doc.token_text(s2 - 1) == ","
                && is_cap(doc.token_text(s2 - 2));
            if let Some(h) = head_of(doc, s2, k).filter(|_| !state) {
                if h.kind == PhraseKind::Name && whole_name(doc, s2, k) {
                    return Some(h);
                }
            }
            // "Smith, who chairs the panel, said"
            let mut b = s2;
            if b > first + 1 && matches!(doc.token_text(b - 1), "who" | "which") {
                b -= 1;
            }
            // "Sanders, a senator from Vermont and a socialist, said": one apposition
            if b <= first + 1 || !matches!(doc.token_text(b - 1), "," | "—" | "–" | "--" | "and")
            {
                break;
            }
            k = b - 1;
        }
    }
    None
}

/// Words of a short "when" phrase between a subject and its cue.
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "this"
            | "past"
            | "last"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
            | "yesterday"
            | "today"
            | "earlier"
            | "late"
    ) || WEEKDAYS.contains(w)
}

/// True when tokens `lo..hi` are one name (with titles and an article), nothing else.
fn whole_name(doc: &Document, lo: usize, hi: usize) -> bool {
    (lo..hi).all(|k| {
        let w = doc.token_text(k);
        is_cap(w) || is_title(w) || matches!(w, "the" | "." | "’s" | "'s")
    })
}

/// The first token of the clause that ends at token `e`: after punctuation, quote marks
/// or a clause word, at most [`MAX_PHRASE`] tokens back.
fn clause_start(doc: &Document, e: usize, first: usize) -> usize {
    let mut s = e;
    while s > first && e - s < MAX_PHRASE + 2 {
        let w = doc.token_text(s - 1);
        if is_punct(w) && !matches!(w, "’s" | "'s" | ".")
            || STOP_BEFORE.contains(w)
            || matches!(w, "But" | "And" | "So" | "Yet" | "Still" | "Then")
        {
            break;
        }
        if w == "." && !(s >= 2 && is_cap(doc.token_text(s - 2))) {
            break;
        }
        s -= 1;
    }
    s
}

/// The subject of the sentence whose tokens start at `first`, read before token `limit`:
/// its first name or pronoun, after a leading "On Tuesday," or "In 2010".
pub(crate) fn sentence_subject(doc: &Document, first: usize, limit: usize) -> Option<Phrase> {
    subject_from(doc, first, limit).or_else(|| {
        // "Here in Columbia, Sanders …": the subject after an opening phrase
        let comma = (first..limit.min(first + 25)).find(|&k| doc.token_text(k) == ",")?;
        subject_from(doc, comma + 1, limit).filter(|p| p.kind != PhraseKind::Description)
    })
}

fn subject_from(doc: &Document, first: usize, limit: usize) -> Option<Phrase> {
    let mut s = first;
    while s < limit && is_punct(doc.token_text(s)) {
        s += 1;
    }
    if s >= limit {
        return None;
    }
    // skip an opening adverbial up to its comma: "On Tuesday, …", "In a statement, …"
    let w = doc.token_text(s);
    if matches!(w, "But" | "And" | "Still" | "Yet" | "Then" | "So") {
        s += 1;
    } else if matches!(
        w,
        "On" | "In"
            | "At"
            | "After"
            | "Before"
            | "During"
            | "Later"
            | "Earlier"
            | "Meanwhile"
            | "Asked"
            | "Speaking"
            | "Last"
            | "Since"
            | "While"
            | "When"
            | "Although"
            | "Though"
            | "As"
            | "If"
            | "Because"
            | "Despite"
            | "With"
            | "Like"
    ) {
        let comma = (s..limit.min(s + 25)).find(|&k| doc.token_text(k) == ",");
        match comma {
            Some(k) => s = k + 1,
            None if matches!(w, "But" | "And" | "Still" | "Yet" | "Then") => s += 1,
            None => {
                // "In 2010 she said": step over the short adverbial
                let mut k = s + 1;
                while k < limit
                    && k - s < 4
                    && !is_pronoun(doc.token_text(k))
                    && !is_name_token(doc.token_text(k))
                {
                    k += 1;
                }
                s = k;
            }
        }
    }
    if s >= limit {
        return None;
    }
    if is_pronoun(doc.token_text(s)) {
        return Some(Phrase {
            span: doc.tokens[s],
            kind: PhraseKind::Pronoun,
        });
    }
    // the subject phrase: titles, names, "the", possessives, up to the first lower-case verb
    let mut e = s;
    while e < limit && e - s < MAX_PHRASE {
        let w = doc.token_text(e);
        let part = is_cap(w)
            || matches!(w, "the" | "." | "’s" | "'s" | "-")
            || is_title(w)
            || (is_lower_word(w)
                && e > s
                && !is_between(w)
                && !w.ends_with("ed")
                && !w.ends_with('s')
                && DETERMINERS.contains(doc.token_text(s).to_lowercase().as_str()));
        if !part {
            break;
        }
        e += 1;
    }
    let h = head_of(doc, s, e)?;
    (h.kind != PhraseKind::Description
        || DETERMINERS.contains(doc.token_text(s).to_lowercase().as_str()))
    .then_some(h)
}
