//! The one value every stage feeds: [`Analysis`], and the span types it is made of.
//!
//! All offsets are UTF-8 byte offsets into the analysed text, `end` exclusive, so
//! `&text[span.start..span.end]` is always a valid slice. The wasm bindings convert
//! them to UTF-16 code units for JavaScript (see [`Analysis::to_utf16`]).

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the analysed text.
///
/// ```
/// use precis::Span;
/// let text = "Hello, world.";
/// let span = Span::new(7, 12);
/// assert_eq!(span.slice(text), "world");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text this span covers.
    ///
    /// ```
    /// assert_eq!(precis::Span::new(0, 3).slice("abcdef"), "abc");
    /// ```
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Number of bytes covered.
    ///
    /// ```
    /// assert_eq!(precis::Span::new(2, 5).len(), 3);
    /// ```
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    ///
    /// ```
    /// assert!(precis::Span::new(4, 4).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    ///
    /// ```
    /// use precis::Span;
    /// assert!(Span::new(0, 5).overlaps(&Span::new(4, 9)));
    /// assert!(!Span::new(0, 4).overlaps(&Span::new(4, 9)));
    /// ```
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside this span.
    ///
    /// ```
    /// use precis::Span;
    /// assert!(Span::new(0, 10).contains(&Span::new(2, 5)));
    /// ```
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What kind of thing an [`Entity`] is.
///
/// ```
/// assert_eq!(serde_json::to_string(&precis::EntityKind::Place).unwrap(), "\"place\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, body, team, party, institution.
    Organization,
    /// A country, city, region or other location.
    Place,
}

impl EntityKind {
    /// All kinds, in the order the UI lists them.
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Organization, EntityKind::Place];

    /// The name used in JSON (`"person"`, `"organization"`, `"place"`).
    ///
    /// ```
    /// assert_eq!(precis::EntityKind::Organization.as_str(), "organization");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// A person, organisation or place the article names, with every mention of it.
///
/// ```
/// let text = "Ines Varga met Tarrow council staff. Varga left at noon.";
/// let a = precis::analyze(text);
/// let varga = a.entities.iter().find(|e| e.name == "Ines Varga").unwrap();
/// assert_eq!(varga.kind, precis::EntityKind::Person);
/// let said: Vec<&str> = varga.mentions.iter().map(|m| m.slice(text)).collect();
/// assert_eq!(said, ["Ines Varga", "Varga"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The canonical name: the fullest form the text uses, without titles.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Every place the text names it, in text order.
    pub mentions: Vec<Span>,
}

/// Whether a quote is the speaker's own words in quote marks, or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quote marks.
    Direct,
    /// Reported speech: "X said (that) …", "according to X, …".
    Indirect,
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The resolved person or body, e.g. "Steve Tsang" even when the text says "he".
    pub name: String,
    /// Start of the words that name the speaker for this quote (e.g. the "he").
    pub start: usize,
    /// End of those words.
    pub end: usize,
}

/// A quote and its speaker.
///
/// ```
/// let text = "Mayor Ines Varga opened the bridge. “It took too long,” she said.";
/// let q = &precis::analyze(text).quotes[0];
/// assert_eq!(q.kind, precis::QuoteKind::Direct);
/// assert_eq!(&text[q.start..q.end], "It took too long,");
/// let who = q.speaker.as_ref().unwrap();
/// assert_eq!((who.name.as_str(), &text[who.start..who.end]), ("Ines Varga", "she"));
/// assert_eq!(q.cue.map(|c| c.slice(text)), Some("said"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Start of the quoted words, without the opening mark.
    pub start: usize,
    /// End of the quoted words, without the closing mark.
    pub end: usize,
    /// Direct or reported speech.
    pub kind: QuoteKind,
    /// The speaker, when the text says who it is.
    pub speaker: Option<Speaker>,
    /// The cue that attributes it ("said", "told", "according to"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
}

/// Why a stretch of text was set aside as not part of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IgnoredReason {
    /// Navigation, menus, short link lists.
    Navigation,
    /// "Share this", "Follow us", "Try our quiz!", newsletter prompts.
    Prompt,
    /// Related or recommended headlines, often cut off with "…".
    Related,
    /// Bylines, datelines, "Updated 3 hours ago", photo credits.
    Byline,
    /// Cookie notices, copyright, footers, legal lines.
    Boilerplate,
    /// Text past the analysed limit.
    TooLong,
}

impl IgnoredReason {
    /// The name used in JSON.
    ///
    /// ```
    /// assert_eq!(precis::IgnoredReason::TooLong.as_str(), "too-long");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            IgnoredReason::Navigation => "navigation",
            IgnoredReason::Prompt => "prompt",
            IgnoredReason::Related => "related",
            IgnoredReason::Byline => "byline",
            IgnoredReason::Boilerplate => "boilerplate",
            IgnoredReason::TooLong => "too-long",
        }
    }
}

/// A stretch of text judged not to be article text; no result comes from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ignored {
    /// Start of the stretch.
    pub start: usize,
    /// End of the stretch.
    pub end: usize,
    /// Why it was set aside.
    pub reason: IgnoredReason,
}

impl Ignored {
    /// The stretch as a [`Span`].
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Everything Précis found in one text.
///
/// ```
/// let a = precis::analyze("Prof Steve Tsang teaches in London. “It is hard,” he said.");
/// assert_eq!(a.sentences.len(), 2);
/// assert!(a.entities.iter().any(|e| e.name == "Steve Tsang"));
/// assert_eq!(a.quotes[0].speaker.as_ref().unwrap().name, "Steve Tsang");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The text the offsets refer to, when it was derived (from HTML); `None` when it is the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Every sentence of the article text, in order.
    pub sentences: Vec<Span>,
    /// The chosen summary sentences, in text order; a leading dateline ("LONDON (Reuters) -") is left
    /// out, so each span lies within a sentence.
    pub summary: Vec<Span>,
    /// People, organisations and places, in order of first mention.
    pub entities: Vec<Entity>,
    /// Quotes with their speakers, in text order.
    pub quotes: Vec<Quote>,
    /// Text set aside as not part of the article.
    pub ignored: Vec<Ignored>,
    /// Notices for the user, e.g. that a very long text was analysed in part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
}

impl Analysis {
    /// Converts every offset from UTF-8 bytes to UTF-16 code units of `text`, the unit of
    /// JavaScript string indices. `text` must be the text the analysis was made from.
    ///
    /// ```
    /// let text = "“Hi,” said Ann.";
    /// let mut a = precis::analyze(text);
    /// let q = &a.quotes[0];
    /// assert_eq!(&text[q.start..q.end], "Hi,");
    /// a.to_utf16(text);
    /// assert_eq!(a.quotes[0].start, 1); // “ is 3 bytes but 1 UTF-16 unit
    /// ```
    pub fn to_utf16(&mut self, text: &str) {
        let map = Utf16Map::new(text);
        let conv = |s: &mut usize| *s = map.get(*s);
        for s in self.sentences.iter_mut().chain(self.summary.iter_mut()) {
            conv(&mut s.start);
            conv(&mut s.end);
        }
        for e in &mut self.entities {
            for m in &mut e.mentions {
                conv(&mut m.start);
                conv(&mut m.end);
            }
        }
        for q in &mut self.quotes {
            conv(&mut q.start);
            conv(&mut q.end);
            if let Some(sp) = &mut q.speaker {
                conv(&mut sp.start);
                conv(&mut sp.end);
            }
            if let Some(c) = &mut q.cue {
                conv(&mut c.start);
                conv(&mut c.end);
            }
        }
        for i in &mut self.ignored {
            conv(&mut i.start);
            conv(&mut i.end);
        }
    }
}

/// Byte offset → UTF-16 offset, by binary search over the non-ASCII characters only.
struct Utf16Map {
    /// (byte offset just after a non-ASCII char, extra UTF-16 units minus extra bytes so far)
    marks: Vec<(usize, isize)>,
}

impl Utf16Map {
    fn new(text: &str) -> Utf16Map {
        let mut marks = Vec::new();
        let mut delta: isize = 0;
        for (i, c) in text.char_indices() {
            let bytes = c.len_utf8();
            if bytes > 1 {
                delta += c.len_utf16() as isize - bytes as isize;
                marks.push((i + bytes, delta));
            }
        }
        Utf16Map { marks }
    }

    fn get(&self, byte: usize) -> usize {
        let idx = self.marks.partition_point(|&(b, _)| b <= byte);
        let delta = if idx == 0 { 0 } else { self.marks[idx - 1].1 };
        (byte as isize + delta) as usize
    }
}

/// An offset of an [`Analysis`] that does not fit its text, found by [`Analysis::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetError {
    /// Which field holds the bad span, e.g. `"quotes[2].speaker"`.
    pub field: String,
    /// The span.
    pub span: Span,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl std::fmt::Display for OffsetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}..{}: {}", self.field, self.span.start, self.span.end, self.problem)
    }
}

impl std::error::Error for OffsetError {}

impl Analysis {
    /// Checks the promises the offsets make about `text` (the text analysed, or the derived
    /// `text` for HTML input): every span inside the text and on character boundaries;
    /// sentences, summary and ignored stretches in order without overlap; each summary span
    /// lies within one sentence; no sentence, mention or quote inside ignored text.
    ///
    /// ```
    /// let text = "“Fine,” said Ann Lee in Oslo.\nShare this article";
    /// let a = precis::analyze(text);
    /// assert_eq!(a.check(text), Ok(()));
    /// let mut broken = a.clone();
    /// broken.sentences[0].end = text.len() + 1;
    /// assert!(broken.check(text).is_err());
    /// ```
    pub fn check(&self, text: &str) -> Result<(), OffsetError> {
        let err = |field: String, span: Span, problem| Err(OffsetError { field, span, problem });
        let valid = |field: &dyn Fn() -> String, span: Span| -> Result<(), OffsetError> {
            if span.start > span.end || span.end > text.len() {
                return err(field(), span, "outside the text");
            }
            if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
                return err(field(), span, "not on a character boundary");
            }
            Ok(())
        };
        let ordered = |name: &str, spans: &mut dyn Iterator<Item = Span>| -> Result<(), OffsetError> {
            let mut last = 0;
            for (i, s) in spans.enumerate() {
                valid(&|| format!("{name}[{i}]"), s)?;
                if s.start < last {
                    return err(format!("{name}[{i}]"), s, "overlaps or precedes the span before it");
                }
                last = s.end;
            }
            Ok(())
        };
        ordered("sentences", &mut self.sentences.iter().copied())?;
        ordered("summary", &mut self.summary.iter().copied())?;
        ordered("ignored", &mut self.ignored.iter().map(Ignored::span))?;
        let in_ignored = |s: &Span| self.ignored.iter().any(|i| i.span().overlaps(s));
        for (i, s) in self.summary.iter().enumerate() {
            // a summary span is a sentence, or a sentence less a leading dateline
            let k = self.sentences.partition_point(|t| t.end < s.end);
            if !self.sentences.get(k).is_some_and(|t| t.contains(s)) {
                return err(format!("summary[{i}]"), *s, "does not lie within one sentence");
            }
        }
        for (i, s) in self.sentences.iter().enumerate() {
            if in_ignored(s) {
                return err(format!("sentences[{i}]"), *s, "lies in ignored text");
            }
        }
        for (e, entity) in self.entities.iter().enumerate() {
            for (m, s) in entity.mentions.iter().enumerate() {
                valid(&|| format!("entities[{e}].mentions[{m}]"), *s)?;
                if in_ignored(s) {
                    return err(format!("entities[{e}].mentions[{m}]"), *s, "lies in ignored text");
                }
            }
        }
        for (q, quote) in self.quotes.iter().enumerate() {
            let s = Span::new(quote.start, quote.end);
            valid(&|| format!("quotes[{q}]"), s)?;
            if in_ignored(&s) {
                return err(format!("quotes[{q}]"), s, "lies in ignored text");
            }
            if let Some(sp) = &quote.speaker {
                valid(&|| format!("quotes[{q}].speaker"), Span::new(sp.start, sp.end))?;
            }
            if let Some(c) = quote.cue {
                valid(&|| format!("quotes[{q}].cue"), c)?;
            }
        }
        Ok(())
    }
}
