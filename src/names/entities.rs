//! Joins mentions into entities: "Ren Zhengfei" and "Zhengfei", "US" and "United States",
//! each under one canonical name, with the kind most of its mentions support.

use super::Mention;
use crate::{Entity, EntityKind, Span};
use std::collections::HashMap;

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
    /// let text = "Ren Zhengfei leads Huawei. Zhengfei spoke.";
    /// let doc = precis::Document::new(text);
    /// let ents = precis::names::EntityMerger::default().merge(&doc, precis::names::NameTagger::default().tag(&doc));
    /// let at = text.rfind("Zhengfei").unwrap();
    /// let i = ents.entity_at(precis::Span::new(at, at + 8)).unwrap();
    /// assert_eq!(ents.list[i].name, "Ren Zhengfei");
    /// assert_eq!(ents.entity_at(precis::Span::new(13, 18)), None); // "leads"
    /// ```
    pub fn entity_at(&self, span: Span) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions.get(i).filter(|m| m.span.overlaps(&span)).map(|_| self.entity_of[i])
    }
}

/// Merges mentions into entities.
///
/// ```
/// let doc = precis::Document::new("Ren Zhengfei leads Huawei. Zhengfei spoke to the US press. The United States replied.");
/// let mentions = precis::names::NameTagger::default().tag(&doc);
/// let ents = precis::names::EntityMerger::default().merge(&doc, mentions);
/// let names: Vec<&str> = ents.list.iter().map(|e| e.name.as_str()).collect();
/// assert_eq!(names, ["Ren Zhengfei", "Huawei", "United States"]);
/// assert_eq!(ents.list[0].mentions.len(), 2);
/// assert_eq!(ents.list[2].mentions.len(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct EntityMerger {
    _private: (),
}

/// The comparison key of a name: lower case, dots and possessives dropped, spaces folded.
///
/// ```
/// assert_eq!(precis::names::entities::name_key("U.S."), "us");
/// assert_eq!(precis::names::entities::name_key("Huawei’s"), "huawei");
/// ```
pub fn name_key(name: &str) -> String {
    let name = name.trim_end_matches("'s").trim_end_matches("’s");
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|&c| c != '.').flat_map(char::to_lowercase));
    }
    out
}

fn canonical_alias(key: &str) -> Option<&'static str> {
    ALIASES.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

struct Building {
    name: String,
    key: String,
    votes: [usize; 3],
    mentions: Vec<Span>,
    alias: bool,
}

fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    }
}

impl EntityMerger {
    /// Merges `mentions` (in text order) of `doc` into entities.
    pub fn merge(&self, doc: &crate::Document, mut mentions: Vec<Mention>) -> Entities {
        mentions.sort_by_key(|m| m.span.start);
        let mut building: Vec<Building> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        // last word of multi-word person names → entity (None when two people share it)
        let mut by_surname: HashMap<String, Option<usize>> = HashMap::new();
        let mut entity_of = Vec::with_capacity(mentions.len());
        for m in &mentions {
            let text = m.span.slice(doc.text);
            let key = name_key(text);
            let alias = canonical_alias(&key);
            let key = alias.map_or(key, name_key);
            let words = key.split(' ').count();
            let found = by_key.get(&key).copied().or_else(|| {
                if words == 1 {
                    by_surname.get(&key).copied().flatten()
                } else {
                    None
                }
            });
            let idx = match found {
                Some(i) => i,
                None => {
                    // a full name after its surname alone: "Tsang … Steve Tsang"
                    let last = key.rsplit(' ').next().unwrap_or("").to_string();
                    let earlier_single = (words > 1 && m.kind == EntityKind::Person).then(|| by_key.get(&last).copied()).flatten();
                    match earlier_single.filter(|&i| !building[i].alias) {
                        Some(i) => {
                            building[i].name = text.to_string();
                            building[i].key = key.clone();
                            by_key.insert(key.clone(), i);
                            i
                        }
                        None => {
                            building.push(Building {
                                name: alias.map_or_else(|| text.trim_end_matches("'s").trim_end_matches("’s").to_string(), str::to_string),
                                key: key.clone(),
                                votes: [0; 3],
                                mentions: Vec::new(),
                                alias: alias.is_some(),
                            });
                            let i = building.len() - 1;
                            by_key.insert(key.clone(), i);
                            i
                        }
                    }
                }
            };
            if words > 1 && m.kind == EntityKind::Person {
                let last = key.rsplit(' ').next().unwrap_or("").to_string();
                by_surname.entry(last).and_modify(|e| if *e != Some(idx) { *e = None }).or_insert(Some(idx));
            }
            let b = &mut building[idx];
            b.votes[kind_index(m.kind)] += 1 + usize::from(words > 1);
            b.mentions.push(m.span);
            entity_of.push(idx);
        }
        let list = building
            .into_iter()
            .map(|b| {
                let kind = if b.votes[0] >= b.votes[1] && b.votes[0] >= b.votes[2] {
                    EntityKind::Person
                } else if b.votes[1] >= b.votes[2] {
                    EntityKind::Organization
                } else {
                    EntityKind::Place
                };
                let _ = b.key;
                Entity { name: b.name, kind, mentions: b.mentions }
            })
            .collect();
        Entities { list, mentions, entity_of }
    }
}
