//! Turns a speaker phrase into the person or body it stands for: a name into its entity,
//! "he" / "she" into the nearest person the text supports, "it" / "the company" into the
//! nearest organisation, "the minister" into the nearest person. Without a fitting entity
//! (a weak name tagger, a first mention) the phrase's own words stand.

use crate::words::WordList;
use super::speaker::is_name_token;
use super::speaker::{Phrase, PhraseKind};
use crate::names::entities::Entities;
use crate::names::is_title;
use crate::{Document, EntityKind, Span, Speaker};

/// Tokens looked back for a full name when no tagged person fits a pronoun.
const NAME_LOOKBACK: usize = 80;

/// Heads of descriptions that name a body. Documents ("the report", "the statement",
/// "the poll") are left out: the nearest organisation is as often the report's subject as
/// its author ("Huawei … according to the report"), so their words stand.
static BODY_NOUNS: WordList = WordList::new(&[
    "company",
    "firm",
    "group",
    "ministry",
    "department",
    "government",
    "agency",
    "campaign",
    "party",
    "committee",
    "court",
    "police",
    "council",
    "organisation",
    "organization",
    "union",
    "administration",
    "office",
    "team",
    "board",
    "bank",
    "club",
    "league",
    "network",
    "newspaper",
    "paper",
    "website",
    "site",
    "outlet",
    "magazine",
    "bureau",
    "commission",
    "association",
    "institute",
    "university",
    "school",
    "hospital",
    "charity",
    "airline",
    "maker",
    "manufacturer",
    "retailer",
    "giant",
    "regulator",
    "watchdog",
    "service",
    "authority",
    "authorities",
    "foundation",
    "centre",
    "center",
    "coalition",
    "alliance",
    "channel",
    "station",
]);
/// Heads of descriptions that name a person.
static PERSON_NOUNS: WordList = WordList::new(&[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "man",
    "woman",
    "candidate",
    "nominee",
    "lawmaker",
    "founder",
    "boss",
    "executive",
    "leader",
    "star",
    "actor",
    "singer",
    "player",
    "manager",
    "owner",
    "author",
    "economist",
    "analyst",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "businessman",
    "businesswoman",
    "billionaire",
    "director",
    "head",
    "chief",
    "official",
    "frontrunner",
    "front-runner",
    "incumbent",
    "congressman",
    "congresswoman",
    "politician",
]);

/// The last speaker seen, carried from quote to quote.
#[derive(Debug, Clone)]
pub(crate) struct Recent {
    pub name: String,
    pub kind: Option<EntityKind>,
    pub at: usize,
}

/// Resolves speaker phrases against the entities of one document.
pub(crate) struct Resolver<'a, 'd> {
    pub doc: &'a Document<'d>,
    pub entities: &'a Entities,
    /// The quoted stretches, in text order: a name inside quote marks is not an antecedent.
    pub quoted: Vec<Span>,
}

impl Resolver<'_, '_> {
    /// The speaker a phrase stands for; `recent` is the last resolved speaker, if any.
    pub fn speaker(&self, phrase: Phrase, recent: Option<&Recent>) -> Speaker {
        let span = phrase.span;
        let words = span.slice(self.doc.text);
        let mk = |name: &str| Speaker {
            name: name.to_string(),
            start: span.start,
            end: span.end,
        };
        match phrase.kind {
            PhraseKind::Name => match self.entities.entity_at(span) {
                Some(e) => mk(&self.entities.list[e].name),
                None => {
                    let name = strip_titles(words);
                    match self.person_by_surname(&name, span.start) {
                        Some(full) => mk(full),
                        None => mk(&name),
                    }
                }
            },
            PhraseKind::Pronoun => {
                let lower = words.to_lowercase();
                let want = match lower.as_str() {
                    "he" | "she" | "i" | "you" => EntityKind::Person,
                    _ => EntityKind::Organization,
                };
                let fallback = || {
                    (want == EntityKind::Person)
                        .then(|| self.nearest_full_name(span.start))
                        .flatten()
                };
                match self.antecedent(span.start, want, recent).or_else(fallback) {
                    Some(name) => mk(&name),
                    None => mk(words),
                }
            }
            PhraseKind::Description => {
                if let Some(head_is_name) = self.name_inside(span) {
                    // "the company Norvik" is Norvik; "Donald Trump's son" and "the UK
                    // defence minister" name the son and the minister, not Trump or the UK
                    return match head_is_name {
                        Some(e) => mk(&self.entities.list[e].name),
                        None => mk(words),
                    };
                }
                let head = words.rsplit(' ').next().unwrap_or("").to_lowercase();
                let starts_definite = words
                    .split(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("the"));
                let want = if BODY_NOUNS.contains(head.as_str()) {
                    Some(EntityKind::Organization)
                } else if is_title(&head) || PERSON_NOUNS.contains(head.as_str()) {
                    Some(EntityKind::Person)
                } else {
                    None
                };
                match want
                    .filter(|_| starts_definite)
                    .and_then(|k| self.antecedent(span.start, k, recent))
                {
                    Some(name) => mk(&name),
                    None => mk(words),
                }
            }
        }
    }

    /// For a description with a tagged name inside: `Some(Some(entity))` when the name
    /// is its head (its last word), `Some(None)` when the name only modifies the head.
    fn name_inside(&self, span: Span) -> Option<Option<usize>> {
        self.entities.entity_at(span)?;
        // mentions never overlap, so the last one to start inside the span is the one at its end
        let last = self.entities.mentions.partition_point(|m| m.span.start < span.end) - 1;
        let head_is_name = self.entities.mentions[last].span.end >= span.end;
        Some(head_is_name.then(|| self.entities.entity_of[last]))
    }

    /// The entity of kind `want` that a pronoun or definite description at `pos` most
    /// likely refers to: the last speaker if it fits and is recent, else the nearest
    /// mention of that kind before `pos` (within the last few thousand bytes).
    fn antecedent(&self, pos: usize, want: EntityKind, recent: Option<&Recent>) -> Option<String> {
        const WINDOW: usize = 3000;
        let i = self
            .entities
            .mentions
            .partition_point(|m| m.span.start < pos);
        let nearest = (0..i)
            .rev()
            .take_while(|&k| self.entities.mentions[k].span.start + WINDOW > pos)
            .filter(|&k| !self.is_quoted(self.entities.mentions[k].span))
            .map(|k| (k, self.entities.entity_of[k]))
            .find(|&(_, e)| self.entities.list[e].kind == want);
        if let Some(r) = recent {
            let fits = r.kind.map_or(want == EntityKind::Person, |k| k == want);
            // a speaker quoted since the nearest mention wins over it
            let later = nearest.map_or(true, |(k, _)| self.entities.mentions[k].span.start <= r.at);
            if fits && later && r.at + WINDOW > pos {
                return Some(r.name.clone());
            }
        }
        nearest.map(|(_, e)| self.entities.list[e].name.clone())
    }

    /// A person named in full whose name ends with `surname` ("Field" → "Nora Field"), for
    /// a speaker the tagger did not mark: of several, the one last mentioned before `pos`.
    fn person_by_surname(&self, surname: &str, pos: usize) -> Option<&str> {
        let fits = |e: usize| {
            let entity = &self.entities.list[e];
            entity.kind == EntityKind::Person
                && entity.name.len() > surname.len()
                && entity.name.ends_with(surname)
                && entity.name[..entity.name.len() - surname.len()].ends_with(' ')
        };
        let i = self.entities.mentions.partition_point(|m| m.span.start < pos);
        (0..i)
            .rev()
            .map(|k| self.entities.entity_of[k])
            .find(|&e| fits(e))
            .map(|e| self.entities.list[e].name.as_str())
    }

    /// True when `span` lies inside a quote.
    fn is_quoted(&self, span: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.end <= span.start);
        self.quoted.get(i).is_some_and(|q| q.start <= span.start)
    }

    /// Without a tagged person to point to: the nearest run of two or more capitalised
    /// words in the last [`NAME_LOOKBACK`] tokens ("Steve Tsang"), titles stripped.
    fn nearest_full_name(&self, pos: usize) -> Option<String> {
        let doc = self.doc;
        let end = doc.token_at_or_after(pos);
        let lo = end.saturating_sub(NAME_LOOKBACK);
        let mut k = end;
        while k > lo {
            k -= 1;
            if !is_name_token(doc.token_text(k))
                || is_title(doc.token_text(k))
                || self.is_quoted(doc.tokens[k])
            {
                continue;
            }
            let mut s = k;
            while s > lo && is_name_token(doc.token_text(s - 1)) && !is_title(doc.token_text(s - 1))
            {
                s -= 1;
            }
            // a run that opens a sentence may start with a capitalised ordinary word
            if k > s {
                return Some(
                    Span::new(doc.tokens[s].start, doc.tokens[k].end)
                        .slice(doc.text)
                        .to_string(),
                );
            }
            k = s;
        }
        None
    }

    /// The kind of entity a speaker phrase stands for, if known.
    pub fn kind_of(&self, phrase: Phrase) -> Option<EntityKind> {
        if let Some(e) = self.entities.entity_at(phrase.span) {
            return Some(self.entities.list[e].kind);
        }
        match phrase.kind {
            PhraseKind::Pronoun => {
                let w = phrase.span.slice(self.doc.text).to_lowercase();
                Some(if matches!(w.as_str(), "he" | "she") {
                    EntityKind::Person
                } else {
                    EntityKind::Organization
                })
            }
            PhraseKind::Name => Some(EntityKind::Person),
            PhraseKind::Description => None,
        }
    }
}

/// A name without leading titles: "Prof Steve Tsang" → "Steve Tsang".
fn strip_titles(words: &str) -> String {
    let mut parts: Vec<&str> = words.split_whitespace().collect();
    while parts.len() > 1 && (is_title(parts[0]) || parts[0] == "The") {
        parts.remove(0);
    }
    parts.join(" ")
}
