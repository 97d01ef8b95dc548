//! Finds mentions of people, organisations and places in the sentences of a [`Document`].

use crate::{Document, EntityKind, Span};

/// One mention of a name, before mentions are merged into entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where the name is, without titles.
    pub span: Span,
    /// What the tagger thinks it is.
    pub kind: EntityKind,
    /// Index of its first token in [`Document::tokens`].
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
}

/// Tags names in a document.
///
/// ```
/// let doc = precis::Document::new("Prof Steve Tsang of Soas University of London spoke in Paris.");
/// let names: Vec<&str> = precis::names::NameTagger::default().tag(&doc).iter().map(|m| m.span.slice(doc.text)).collect();
/// assert_eq!(names, ["Steve Tsang", "Soas University of London", "Paris"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct NameTagger {
    _private: (),
}

const ORG_WORDS: &[&str] = &[
    "inc", "corp", "corporation", "ltd", "plc", "llc", "group", "university", "college", "school", "department",
    "ministry", "party", "council", "commission", "agency", "bank", "company", "association", "institute", "news",
    "times", "post", "network", "committee", "court", "foundation", "fund", "office", "house", "board", "union",
    "club", "united", "fc", "airlines", "airways", "motors", "technologies", "systems", "services", "service",
    "press", "journal", "guardian", "telegraph", "tribune", "herald", "federation", "league", "organisation",
    "organization", "authority", "police", "army", "navy", "force", "congress", "senate", "parliament", "administration",
    "bureau", "reserve", "exchange", "media", "broadcasting", "television", "radio", "channel", "labs", "holdings",
    "partners", "capital", "pharmaceuticals", "society", "trust", "centre", "center", "hospital", "church",
];
const PLACE_WORDS: &[&str] = &[
    "city", "county", "state", "province", "river", "mountains", "island", "islands", "valley", "street", "road",
    "avenue", "square", "bridge", "lake", "ocean", "sea", "bay", "coast", "region", "district", "airport", "park",
];
const PLACES: &[&str] = &[
    "us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "america", "britain", "england", "scotland", "wales", "ireland",
    "france", "germany", "china", "japan", "india", "russia", "italy", "spain", "canada", "australia", "mexico",
    "brazil", "iran", "iraq", "syria", "israel", "egypt", "turkey", "ukraine", "poland", "sweden", "norway",
    "finland", "denmark", "netherlands", "belgium", "switzerland", "austria", "greece", "portugal", "pakistan",
    "afghanistan", "korea", "vietnam", "indonesia", "nigeria", "kenya", "africa", "europe", "asia", "london",
    "paris", "berlin", "beijing", "moscow", "washington", "tokyo", "rome", "madrid", "brussels", "new york",
    "california", "texas", "florida", "ohio", "iowa", "virginia", "chicago", "boston", "los angeles", "hong kong",
    "north america", "western europe", "australasia", "united states", "united kingdom", "european union",
    "shanghai", "delhi", "mumbai", "sydney", "toronto", "dublin", "edinburgh", "manchester", "taiwan", "gaza",
    "kyiv", "kiev", "venezuela", "cuba", "argentina", "colombia", "chile", "peru", "saudi arabia", "qatar", "dubai",
];
const FIRST_NAMES: &[&str] = &[
    "john", "james", "david", "michael", "robert", "william", "richard", "thomas", "mark", "paul", "peter", "steve",
    "stephen", "george", "joe", "donald", "hillary", "barack", "bernie", "ted", "marco", "jeb", "ben", "chris", "mike",
    "mary", "sarah", "anna", "elizabeth", "jane", "emma", "laura", "susan", "linda", "karen", "lisa", "nancy", "maria",
    "boris", "theresa", "angela", "emmanuel", "vladimir", "xi", "elon", "sam", "gary", "jeff", "bill", "tim", "ren",
    "kamala", "joe", "jim", "tom", "ann", "ada", "alex", "andrew", "daniel", "matthew", "anthony", "kevin", "brian",
];
const CUE_AFTER: &[&str] = &["said", "says", "told", "added", "warned", "wrote", "argued", "explained", "claimed", "insisted", "noted", "stated"];
/// Capitalised words that open sentences but name nothing.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "this", "that",
    "these", "those", "there", "but", "and", "or", "so", "yet", "however", "in", "on", "at", "for", "as", "if", "when",
    "while", "after", "before", "since", "although", "how", "what", "why", "who", "where", "which", "last", "next",
    "one", "two", "three", "some", "many", "most", "all", "no", "not", "indeed", "perhaps", "also", "then", "now",
    "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "do", "did", "is", "are", "was", "were", "according", "meanwhile", "earlier", "later", "with", "by", "from", "to",
    "more", "read", "share", "autumn", "spring", "summer", "winter", "western", "eastern", "northern", "southern",
    "chinese", "american", "british", "french", "german", "russian", "european", "english", "mr", "mrs", "ms", "dr",
    "prof", "president", "one", "every", "each", "only", "just", "even", "still", "both", "such", "my", "your", "here",
    "former", "new", "entity", "list", "secretary", "minister", "executive", "former", "senior", "judge", "explore",
    "move", "discover", "bitcoin", "ai",
];

fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl NameTagger {
    /// Finds the name mentions of every sentence of `doc`, in text order.
    pub fn tag(&self, doc: &Document) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut sentence_start = vec![false; doc.tokens.len()];
        for s in &doc.sentences {
            if s.tokens.start < sentence_start.len() {
                sentence_start[s.tokens.start] = true;
            }
        }
        // capitalised words seen away from a sentence start: names, not openers
        let inner: std::collections::HashSet<&str> =
            (0..doc.tokens.len()).filter(|&k| !sentence_start[k]).map(|k| doc.token_text(k)).filter(|w| is_cap(w)).collect();
        let ctx = Context { sentence_start: &sentence_start, inner: &inner };
        for sentence in &doc.sentences {
            let range = sentence.tokens.clone();
            let mut i = range.start;
            while i < range.end {
                let w = doc.token_text(i);
                if !is_cap(w) {
                    i += 1;
                    continue;
                }
                // grow a run of capitalised words, with "of", "the", "&", "de" between them
                let mut j = i + 1;
                loop {
                    if j < range.end && is_cap(doc.token_text(j)) && !is_title(doc.token_text(j)) {
                        j += 1;
                    } else if j + 1 < range.end
                        && matches!(doc.token_text(j), "of" | "&" | "de" | "for" | "and")
                        && is_cap(doc.token_text(j + 1))
                        && !NOT_NAMES.contains(&doc.token_text(j + 1).to_lowercase().as_str())
                        && (doc.token_text(j) != "and" || ORG_WORDS.contains(&doc.token_text(j + 1).to_lowercase().as_str()))
                        && (doc.token_text(j) != "of" || {
                            let prev = doc.token_text(j - 1).to_lowercase();
                            ORG_WORDS.contains(&prev.as_str()) || PLACE_WORDS.contains(&prev.as_str())
                        })
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                let mut start = i;
                let mut had_title = false;
                while start < j && (is_title(doc.token_text(start)) || (start + 1 < j && doc.token_text(start + 1) == "." && is_title(doc.token_text(start)))) {
                    had_title = true;
                    start += 1;
                    if start < j && doc.token_text(start) == "." {
                        start += 1;
                    }
                }
                // skip sentence-opening words that name nothing
                while start < j && NOT_NAMES.contains(&doc.token_text(start).to_lowercase().as_str()) {
                    start += 1;
                }
                if start < j {
                    // a title then "." token: "Mr . Smith"
                    let kind = self.kind_of(doc, &ctx, start, j, had_title);
                    if let Some(kind) = kind {
                        out.push(Mention { span: Span::new(doc.tokens[start].start, doc.tokens[j - 1].end), kind, first_token: start, end_token: j });
                    }
                }
                i = j.max(i + 1);
            }
        }
        out
    }

    fn kind_of(&self, doc: &Document, ctx: &Context, start: usize, end: usize, had_title: bool) -> Option<EntityKind> {
        let words: Vec<String> = (start..end).map(|t| doc.token_text(t).to_lowercase()).collect();
        let phrase = words.join(" ");
        let last = words.last().map(String::as_str).unwrap_or("");
        let first = words[0].as_str();
        if had_title {
            return Some(EntityKind::Person);
        }
        if PLACES.contains(&phrase.as_str()) {
            return Some(EntityKind::Place);
        }
        if ORG_WORDS.contains(&last) || ORG_WORDS.contains(&first) && words.len() > 1 || words.contains(&"of".to_string()) && ORG_WORDS.iter().any(|o| words.contains(&o.to_string())) {
            return Some(EntityKind::Organization);
        }
        if PLACE_WORDS.contains(&last) && words.len() > 1 {
            return Some(EntityKind::Place);
        }
        let original = doc.token_text(start);
        if words.len() == 1 && original.len() >= 2 && original.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.') {
            return Some(EntityKind::Organization);
        }
        if FIRST_NAMES.contains(&first) && words.len() >= 2 {
            return Some(EntityKind::Person);
        }
        let prev = start.checked_sub(1).map(|p| doc.token_text(p).to_lowercase());
        if matches!(prev.as_deref(), Some("in" | "from" | "to" | "across" | "near" | "outside")) {
            return Some(EntityKind::Place);
        }
        let next = doc.tokens.get(end).map(|t| t.slice(doc.text).to_lowercase());
        if next.as_deref().is_some_and(|n| CUE_AFTER.contains(&n)) && words.len() >= 2 {
            return Some(EntityKind::Person);
        }
        if words.len() == 2 || words.len() == 3 {
            return Some(EntityKind::Person);
        }
        // a single capitalised word not at sentence start: probably an organisation or a later mention
        if words.len() == 1 && !ctx.sentence_start[start] {
            return Some(EntityKind::Organization);
        }
        // a sentence-initial single word is a name only if it recurs capitalised elsewhere
        (words.len() == 1 && ctx.inner.contains(doc.token_text(start))).then_some(EntityKind::Organization)
    }
}

use super::is_title;

struct Context<'a> {
    sentence_start: &'a [bool],
    inner: &'a std::collections::HashSet<&'a str>,
}
