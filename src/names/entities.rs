//! Joins mentions into entities: "Ren Zhengfei" and "Zhengfei", "US" and "United States",
//! each under one canonical name, with the kind most of its mentions support.

use super::features::hash_lower;
use super::gazetteer::{phrase_key, List};
use super::Mention;
use crate::{Entity, EntityKind, Span};
use crate::words::{TextMap, TextSet};

/// Names written in several ways, and the canonical name of each.
const ALIASES: &[(&str, &str)] = &[
    ("us", "United States"),
    ("usa", "United States"),
    ("united states", "United States"),
    ("united states of america", "United States"),
    ("america", "United States"),
    ("uk", "United Kingdom"),
    ("united kingdom", "United Kingdom"),
    ("britain", "United Kingdom"),
    ("great britain", "United Kingdom"),
    ("eu", "European Union"),
    ("european union", "European Union"),
    ("un", "United Nations"),
    ("united nations", "United Nations"),
    ("nyc", "New York City"),
];

/// The entities of a document and which entity each mention belongs to.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// Entities in order of first mention.
    pub list: Vec<Entity>,
    /// The mentions, in text order.
    pub mentions: Vec<Mention>,
    /// For each mention, the index of its entity in `list`.
    pub entity_of: Vec<usize>,
}

impl Entities {
    /// The entity a mention covering `span` belongs to, if any.
    ///
    /// ```
    /// use precis::names::{EntityMerger, Mention};
    /// use precis::{Document, EntityKind, Span};
    /// let doc = Document::new("Ren Zhengfei leads Huawei. Zhengfei spoke.");
    /// let person = |start: usize, len: usize| Mention {
    ///     span: Span::new(start, start + len),
    ///     kind: EntityKind::Person,
    ///     first_token: doc.token_at_or_after(start),
    ///     end_token: doc.token_at_or_after(start + len),
    /// };
    /// let later = doc.text.rfind("Zhengfei").unwrap();
    /// let ents = EntityMerger::default().merge(&doc, vec![person(0, 12), person(later, 8)]);
    /// let i = ents.entity_at(Span::new(later, later + 8)).unwrap();
    /// assert_eq!(ents.list[i].name, "Ren Zhengfei");
    /// assert_eq!(ents.entity_at(Span::new(13, 18)), None); // "leads"
    /// ```
    pub fn entity_at(&self, span: Span) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions.get(i).filter(|m| m.span.overlaps(&span)).map(|_| self.entity_of[i])
    }
}

/// Merges mentions into entities.
///
/// A mention joins an earlier entity with the same name key (case, dots, possessives
/// and titles ignored, known aliases such as "U.S." / "United States" folded); a lone
/// word tagged as a person joins the one person whose full name ends with it ("Zhengfei" after "Ren
/// Zhengfei"), and a full name takes over an earlier lone surname ("Tsang" then "Steve
/// Tsang"). The name shown is the fullest form, written in mixed case when the text has
/// one. A name tagged as two kinds stays two entities unless one kind has three times
/// the evidence of the other (longer mentions weighing more), which then absorbs it.
///
/// ```
/// use precis::names::{EntityMerger, Mention};
/// use precis::{Document, EntityKind, Span};
/// let doc = Document::new("Ren Zhengfei leads Huawei and spoke to the US press. Zhengfei said the United States was wrong.");
/// let at = |name: &str, kind| {
///     let start = doc.text.find(name).unwrap();
///     let span = Span::new(start, start + name.len());
///     let first_token = doc.token_at_or_after(start);
///     Mention { span, kind, first_token, end_token: doc.token_at_or_after(span.end) }
/// };
/// let mentions = vec![
///     at("Ren Zhengfei", EntityKind::Person),
///     at("Huawei", EntityKind::Organization),
///     at("US", EntityKind::Place),
///     at("Zhengfei", EntityKind::Person),
///     at("United States", EntityKind::Place),
/// ];
/// let ents = EntityMerger::default().merge(&doc, mentions);
/// let names: Vec<&str> = ents.list.iter().map(|e| e.name.as_str()).collect();
/// assert_eq!(names, ["Ren Zhengfei", "Huawei", "United States"]);
/// assert_eq!(ents.list[0].mentions.len(), 2);
/// assert_eq!(ents.list[2].mentions.len(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct EntityMerger {
    _private: (),
}

/// The comparison key of a name: lower case, dots, possessives and leading titles
/// dropped, spaces folded.
///
/// ```
/// assert_eq!(precis::names::entities::name_key("U.S."), "us");
/// assert_eq!(precis::names::entities::name_key("Huawei’s"), "huawei");
/// assert_eq!(precis::names::entities::name_key("Prof. Steve  TSANG"), "steve tsang");
/// ```
pub fn name_key(name: &str) -> String {
    let name = without_title(strip_all(strip_all(name, "'s"), "’s").trim_end_matches(['\'', '’']));
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // byte by byte, as the full mapping would give for ASCII
            out.extend(word.bytes().filter(|&b| b != b'.').map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(word.chars().filter(|&c| c != '.').flat_map(char::to_lowercase));
        }
    }
    out
}

/// `s` without every repeat of `suffix` at its end, as `s.trim_end_matches(suffix)` gives
/// but without setting up a substring search for a two-char suffix.
fn strip_all<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// `name` without leading titles ("Prof Steve Tsang" → "Steve Tsang"); a name that is
/// only titles is kept whole.
fn without_title(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let Some((first, after)) = rest.split_once(char::is_whitespace) else { return rest };
        let after = after.trim_start();
        if !super::is_title(first) || after.is_empty() {
            return rest;
        }
        rest = after.strip_prefix(". ").unwrap_or(after);
    }
}

/// True when the gazetteer lists `word` (one word, any case) as a place.
fn is_known_place(word: &str) -> bool {
    let key = phrase_key([hash_lower(word)]);
    super::tagger::gazetteer().get(key) & List::Place.bit() != 0
}

/// The first (`first`) or last words, as name keys, of the names of `kind` of two or
/// more words among `mentions`.
fn first_or_last_words(doc: &crate::Document, mentions: &[Mention], kind: EntityKind, first: bool) -> TextSet<String> {
    mentions
        .iter()
        .filter(|m| m.kind == kind && m.end_token > m.first_token + 1)
        .filter_map(|m| {
            let key = name_key(m.span.slice(doc.text));
            let word = if first { key.split_once(' ')?.0 } else { key.rsplit_once(' ')?.1 };
            Some(word.to_string())
        })
        .collect()
}

/// Words after which a known place name stands for the place ("in Washington", "to
/// Jordan") rather than for a person of that surname.
const PLACE_WORDS: &[&str] = &["in", "at", "from", "to", "into", "near", "across", "outside", "inside", "around", "throughout", "via", "toward", "towards", "visit", "visited", "visiting", "leave", "left", "reach", "reached", "of"];

/// True when the token before token `first` of `doc` is one of [`PLACE_WORDS`].
fn after_place_word(doc: &crate::Document, first: usize) -> bool {
    let Some(before) = first.checked_sub(1).and_then(|i| doc.tokens.get(i)) else { return false };
    let word = before.slice(doc.text);
    PLACE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn canonical_alias(key: &str) -> Option<&'static str> {
    ALIASES.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

struct Building {
    name: String,
    /// Name key without the kind.
    plain: String,
    votes: [usize; 3],
    mentions: Vec<Span>,
    alias: bool,
    /// A person named after a personal title somewhere ("President Trump").
    titled: bool,
}

fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    }
}

fn has_lower(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

/// True when `candidate` is a better display name than `current`: mixed case over all
/// capitals, then more words.
fn better_name(candidate: &str, current: &str) -> bool {
    match (has_lower(candidate), has_lower(current)) {
        (true, false) => true,
        (false, true) => false,
        _ => candidate.split_whitespace().count() > current.split_whitespace().count(),
    }
}

/// The display form of a mention: possessive and titles dropped.
fn display(text: &str) -> String {
    without_title(strip_all(strip_all(text, "'s"), "’s")).to_string()
}

/// Folds an entity into another of the same name but another kind when the other has
/// at least three times its evidence: one stray "Huawei" tagged a place among five
/// tagged an organisation is an error, while two and two are two things. A lone word
/// that begins the name of exactly one longer organisation folds into it. Folded
/// entities are left empty (dropped by the caller) and `entity_of` is renumbered.
fn fold_minor_kinds(building: &mut [Building], entity_of: &mut [usize]) {
    let mut by_plain: TextMap<&str, Vec<usize>> = TextMap::default();
    for (i, b) in building.iter().enumerate() {
        by_plain.entry(b.plain.as_str()).or_default().push(i);
    }
    let mut into: Vec<usize> = (0..building.len()).collect();
    for group in by_plain.values().filter(|g| g.len() > 1) {
        let weight = |i: usize| building[i].votes.iter().sum::<usize>();
        // a person named with a title ("President Trump") takes in the same name tagged
        // as a body ("the Trump administration"), as CoNLL and readers would have it; a
        // place stays apart ("Mr Jordan" and Jordan)
        let titled = group.iter().copied().find(|&i| building[i].titled);
        let Some(&strongest) = group.iter().max_by_key(|&&i| (weight(i), usize::MAX - i)) else { continue };
        let to_person = |i: usize| titled.filter(|&t| t != i && building[i].votes[2] == 0);
        for &i in group {
            if let Some(t) = to_person(i) {
                into[i] = t;
            } else if i != strongest && weight(i) * 3 <= weight(strongest) {
                into[i] = to_person(strongest).unwrap_or(strongest);
            }
        }
    }
    // a lone word that begins one longer organisation's name joins it ("Kestrel" into
    // "Kestrel Bancorp Inc."); the merger has already made such words organisations
    let is_org = |b: &Building| b.votes[1] > 0 && b.votes[0] == 0 && b.votes[2] == 0;
    let mut by_head: TextMap<&str, Option<usize>> = TextMap::default();
    for (i, b) in building.iter().enumerate().filter(|(i, b)| into[*i] == *i && is_org(b)) {
        if let Some((head, _)) = b.plain.split_once(' ') {
            by_head.entry(head).and_modify(|e| *e = None).or_insert(Some(i));
        }
    }
    for i in 0..building.len() {
        if into[i] == i && is_org(&building[i]) && !building[i].plain.contains(' ') {
            if let Some(&Some(j)) = by_head.get(building[i].plain.as_str()) {
                into[i] = j;
            }
        }
    }
    for i in 0..building.len() {
        let j = into[i];
        if j != i {
            let moved = std::mem::take(&mut building[i].mentions);
            let votes = building[i].votes;
            let b = &mut building[j];
            b.mentions.extend(moved);
            b.mentions.sort();
            for (v, add) in b.votes.iter_mut().zip(votes) {
                *v += add;
            }
        }
    }
    // new numbering without the emptied entities
    let mut number = vec![usize::MAX; building.len()];
    let mut n = 0;
    for (i, b) in building.iter().enumerate() {
        if !b.mentions.is_empty() {
            number[i] = n;
            n += 1;
        }
    }
    for e in entity_of.iter_mut().filter(|e| **e != usize::MAX) {
        *e = number[into[*e]];
    }
}

/// Splits a person's name that begins with the name of an organisation or place named
/// on its own elsewhere in the text: "the founder of Huawei Ren Zhengfei" is Huawei and
/// Ren Zhengfei, when "Huawei" stands alone as an organisation in the same article. The
/// person keeps two words or more, so "Ford" in "Henry Ford" is never cut off.
fn split_body_before_person(doc: &crate::Document, mentions: &mut Vec<Mention>) {
    let long_person = |m: &Mention| m.kind == EntityKind::Person && m.end_token >= m.first_token + 3;
    if !mentions.iter().any(long_person) {
        return;
    }
    let bodies: TextMap<String, EntityKind> = mentions
        .iter()
        .filter(|m| m.kind != EntityKind::Person)
        .map(|m| (name_key(m.span.slice(doc.text)), m.kind))
        .collect();
    let mut i = 0;
    while i < mentions.len() {
        let m = mentions[i];
        if long_person(&m) {
            let cut = (m.first_token + 1..=m.end_token - 2).find_map(|k| {
                let head = Span::new(m.span.start, doc.tokens[k - 1].end);
                bodies.get(&name_key(head.slice(doc.text))).map(|&kind| (k, head, kind))
            });
            if let Some((k, head, kind)) = cut {
                let body = Mention { span: head, kind, first_token: m.first_token, end_token: k };
                let person = Mention { span: Span::new(doc.tokens[k].start, m.span.end), first_token: k, ..m };
                mentions[i] = body;
                mentions.insert(i + 1, person);
                i += 1;
            }
        }
        i += 1;
    }
}

impl EntityMerger {
    /// Merges `mentions` (in text order) of `doc` into entities.
    pub fn merge(&self, doc: &crate::Document, mut mentions: Vec<Mention>) -> Entities {
        mentions.sort_by_key(|m| m.span.start);
        split_body_before_person(doc, &mut mentions);
        let mut building: Vec<Building> = Vec::new();
        // sized for every mention up front: growing re-hashes every key so far, each time
        let mut by_key: TextMap<String, usize> = TextMap::with_capacity_and_hasher(mentions.len(), Default::default());
        // last word of multi-word person names → entity (None when two people share it)
        let mut by_surname: TextMap<String, Option<usize>> = TextMap::with_capacity_and_hasher(mentions.len(), Default::default());
        let mut entity_of = Vec::with_capacity(mentions.len());
        let org_heads = first_or_last_words(doc, &mentions, EntityKind::Organization, true);
        let surnames = first_or_last_words(doc, &mentions, EntityKind::Person, false);
        for m in &mentions {
            let text = m.span.slice(doc.text);
            let key = name_key(text);
            if key.is_empty() {
                entity_of.push(usize::MAX);
                continue;
            }
            let alias = canonical_alias(&key);
            let key = alias.map_or(key, name_key);
            // a name used as two kinds (Jordan the player, Jordan the country) starts as two
            // entities; see `fold_minor_kinds`
            let plain = key.clone();
            let words = plain.split(' ').count();
            // a known place taken as one where a place is expected ("in Washington") stays
            // a place beside a person of that surname
            let place_here = || m.kind == EntityKind::Place && is_known_place(&plain) && after_place_word(doc, m.first_token);
            // a lone word that begins a longer organisation's name in the same text is that
            // organisation ("Mercantile" beside "Mercantile Bancorp Inc."), unless it is a
            // person's surname or a known place ("Boston" beside "Boston Globe")
            let lone_org = words == 1
                && m.kind != EntityKind::Organization
                && org_heads.contains(plain.as_str())
                && !surnames.contains(plain.as_str())
                && !is_known_place(&plain);
            // and one that ends a person's full name anywhere in the text is that person,
            // "Tsang … Steve Tsang" as much as "Steve Tsang … Tsang" (see below for places)
            let lone_person = words == 1
                && m.kind != EntityKind::Person
                && surnames.contains(plain.as_str())
                && !place_here();
            let m_kind = if lone_org {
                EntityKind::Organization
            } else if lone_person {
                EntityKind::Person
            } else {
                m.kind
            };
            let key = format!("{key}\u{1}{}", kind_index(m_kind));
            let last = plain.rsplit(' ').next().unwrap_or("").to_string();
            let mut kind = m_kind;
            let found = by_key.get(&key).copied().or_else(|| {
                // a lone word after a person's full name that ends with it is that person
                // ("Tom Baker … Baker said"), whatever kind the tagger guessed there, unless
                // a place is expected there: "in Washington" the city stays apart from
                // George Washington, while "said Washington" after MaliVai Washington is
                // the player
                let person = (words == 1 && !place_here()).then(|| by_surname.get(&plain).copied().flatten()).flatten()?;
                kind = EntityKind::Person;
                Some(person)
            });
            let idx = match found {
                Some(i) => {
                    let b = &mut building[i];
                    let shown = display(text);
                    // the cheap test first: most mentions repeat the name as it stands
                    if !b.alias && better_name(&shown, &b.name) && name_key(&shown) == name_key(&b.name) {
                        b.name = shown;
                    }
                    i
                }
                None => {
                    // a full name after its surname alone: "Tsang … Steve Tsang"
                    let earlier_single = (words > 1 && m.kind == EntityKind::Person)
                        .then(|| by_key.get(&format!("{last}\u{1}0")).copied())
                        .flatten()
                        .filter(|&i| !building[i].alias && building[i].votes[0] > 0);
                    match earlier_single {
                        Some(i) => {
                            building[i].name = display(text);
                            by_key.insert(key.clone(), i);
                            i
                        }
                        None => {
                            building.push(Building {
                                name: alias.map_or_else(|| display(text), str::to_string),
                                plain: plain.clone(),
                                votes: [0; 3],
                                mentions: Vec::new(),
                                alias: alias.is_some(),
                                titled: false,
                            });
                            let i = building.len() - 1;
                            by_key.insert(key.clone(), i);
                            i
                        }
                    }
                }
            };
            if words > 1 && m.kind == EntityKind::Person {
                by_surname.entry(last).and_modify(|e| if *e != Some(idx) { *e = None }).or_insert(Some(idx));
            }
            let b = &mut building[idx];
            b.votes[kind_index(kind)] += 1 + usize::from(words > 1);
            b.titled |= kind == EntityKind::Person && super::tagger::after_personal_title(doc, m.first_token);
            b.mentions.push(m.span);
            entity_of.push(idx);
        }
        fold_minor_kinds(&mut building, &mut entity_of);
        // mentions with nothing left of their name (a bare title) are dropped
        let keep: Vec<bool> = entity_of.iter().map(|&e| e != usize::MAX).collect();
        let mut k = keep.iter();
        mentions.retain(|_| *k.next().unwrap_or(&true));
        entity_of.retain(|&e| e != usize::MAX);
        let mut list: Vec<Entity> = building
            .into_iter()
            .filter(|b| !b.mentions.is_empty())
            .map(|b| {
                let kind = if b.titled || (b.votes[0] >= b.votes[1] && b.votes[0] >= b.votes[2]) {
                    EntityKind::Person
                } else if b.votes[1] >= b.votes[2] {
                    EntityKind::Organization
                } else {
                    EntityKind::Place
                };
                Entity { name: b.name, kind, mentions: b.mentions }
            })
            .collect();
        // a fold can move a mention into an entity begun later
        if list.windows(2).any(|w| w[0].mentions[0] > w[1].mentions[0]) {
            let mut order: Vec<usize> = (0..list.len()).collect();
            order.sort_by_key(|&i| list[i].mentions[0].start);
            let mut rank = vec![0; list.len()];
            for (r, &i) in order.iter().enumerate() {
                rank[i] = r;
            }
            for e in &mut entity_of {
                *e = rank[*e];
            }
            let mut slots: Vec<Option<Entity>> = list.into_iter().map(Some).collect();
            list = order.iter().filter_map(|&i| slots[i].take()).collect();
        }
        Entities { list, mentions, entity_of }
    }
}
