//! What the article finder knows about each line: numbers describing how the line
//! looks (length, punctuation, case, function words, furniture phrases) and how the
//! whole text looks (how much of it is short or furniture-like).
//!
//! The same code computes the features for training (`examples/train_article.rs`) and
//! for use, so the two cannot drift apart.

use crate::text::floor_boundary;
use crate::text::line_patterns::{furniture_phrase, has_date, has_link, PhraseSet, WordSet};
use crate::Span;
use crate::words::TextMap;

/// Number of features describing one line on its own ([`LineLook::features`]).
pub const LOCAL_FEATURES: usize = BASE_FEATURES + TEASER_FEATURES;
/// Features of [`LineLook::new`]'s main block.
const BASE_FEATURES: usize = 41;
/// Features of [`teaser_features`].
const TEASER_FEATURES: usize = 1;

/// Which furniture phrase a line contains, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// "Share this", "Sign up", "Read more", "Advertisement".
    Prompt,
    /// "©", "All rights reserved", "Privacy policy", cookie notices, delayed quotes.
    Boilerplate,
    /// "By Jane Doe", "Updated 3 hours ago", "Photo: Reuters".
    Byline,
}

/// Common short words of English and the main European languages: prose is full of
/// them, menus and headlines are not.
static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "a", "about", "after", "al", "als", "also", "an", "and", "are", "as", "at", "auf", "be", "been", "but", "by",
    "can", "che", "com", "con", "could", "da", "das", "de", "del", "dem", "den", "der", "des", "di", "die", "do",
    "dos", "du", "e", "ein", "eine", "el", "em", "en", "es", "est", "et", "for", "from", "had", "has", "have", "he",
    "her", "his", "i", "il", "im", "in", "into", "is", "ist", "it", "its", "la", "las", "le", "les", "los", "mit",
    "na", "nicht", "no", "not", "não", "o", "of", "on", "or", "os", "our", "para", "per", "por", "que", "qui", "se",
    "she", "sich", "so", "than", "that", "the", "their", "them", "there", "they", "this", "to", "un", "una", "und",
    "une", "up", "von", "was", "we", "were", "which", "who", "will", "with", "would", "y", "you", "zu", "à", "è", "é",
]);

/// A line's text and the facts about it that the features are built from.
#[derive(Debug, Clone)]
pub struct LineLook {
    /// Words (white-space separated).
    pub words: usize,
    /// The furniture phrase found, if any (only looked for in lines of up to 40 words).
    pub phrase: Option<Phrase>,
    /// Ends with a sentence stop (possibly followed by closing quotes or brackets).
    pub ends_stop: bool,
    /// Ends with an ellipsis, as a cut-off headline does.
    pub cut_off: bool,
    /// Ends with an ellipsis glued to the last word and does not open with a quote mark:
    /// a teaser cut off by the page ("New footpath opens along the…"), not a quote trailing off.
    pub cut_teaser: bool,
    /// A title-cased headline of three or more words runs into the next text without a
    /// space ("…Student-AthleteA 24-year-old…"), as a teaser card's headline and standfirst do.
    pub glued_headline: bool,
    /// A short heading or counter of a comment section ("View Comments", "[ 167 comments ]",
    /// "Leave a reply").
    pub comment_heading: bool,
    /// A short heading of what follows an article: a list of related pieces ("Related
    /// articles", "Artigos relacionados", "Weitere Beiträge zum Thema") or a box on the writer
    /// ("About the author", "Über Jane Doe", "Sobre Jane Doe").
    pub end_heading: bool,
    /// A heading of what the page recommends after the article ("You may also like",
    /// "Você pode gostar…", "Recommended for you"), not one that ends in a colon: no
    /// article text follows such a heading once the article has begun.
    pub recommends_heading: bool,
    /// Ends by crediting a picture ("(AP Photo/Jane Doe)", "Credit: Example Agency"), or
    /// opens with the picture's description as a news portal's generated alt text ("a man
    /// looking at the camera: Jane Doe in Leeds"): a caption, which the article text leaves out.
    pub caption_credit: bool,
    /// Opens with a link label such as "Related:" or "Read more:" before a headline.
    pub related_prefix: bool,
    /// Says who wrote the piece ("Jane Doe is a reporter for Example News."), as a note
    /// under an article does.
    pub author_note: bool,
    /// Tells how to cite the page ("Citation: Lights return (2026, March 2) retrieved 3 March
    /// 2026 from https://…"), as a note under a science news article does.
    pub citation_note: bool,
    /// A headline in capitals of `CAPS_HEADLINE_WORDS` words or more, no sentence nor a
    /// colon's heading ("HARBOUR MASTER SAYS THE NORTH PIER LIGHT WILL SHINE AGAIN"): inside
    /// an article, a link to another story, not one of its own headings, which are short.
    pub caps_headline: bool,
    /// Is one of a page's widgets as a whole (a breadcrumb trail, a row of share buttons, the
    /// reading time), whatever the model makes of its words.
    pub widget: Option<Widget>,
    features: [f32; LOCAL_FEATURES],
}

/// A line that is one of a page's widgets, never article text: no feature of the model, a
/// rule sets it aside (see [`LineLook::widget`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Widget {
    /// "Home > News > Science": three or more short steps between `>`, `»` or `›`.
    Breadcrumb,
    /// "Facebook Twitter WhatsApp Email": names of social networks and sharing words only.
    ShareButtons,
    /// "5 min read", "Tempo de leitura: 1 minuto", "Lesezeit: 3 Min.".
    ReadingTime,
    /// "Advertisement", "Anzeige", "Publicidade": the label of an advert, on a line of its own.
    AdLabel,
    /// "This slideshow requires JavaScript.", "Please enable JavaScript to view the comments.".
    ScriptNotice,
    /// "lc 500 lexus lexus lc convertible": a page's search keywords, in lower case, repeating.
    Keywords,
    /// "Back to Gallery", "Zurück zur Übersicht": a link back up the site.
    BackLink,
    /// "- Next Auto News", "Previous story": a link to the site's next or previous piece,
    /// whose headline and standfirst follow it.
    NextLink,
    /// "[button link="…" type="big"] Send us your photos[/button]": a blog's shortcode left
    /// unexpanded, markup for a button or a box, not article text.
    Shortcode,
    /// "The harbour&#39;s north pier at dusk": a picture's alt text, which a clipboard copy
    /// gives with its character references left undecoded; the article's own text has none.
    AltText,
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '*')
}

impl LineLook {
    /// Looks at one trimmed, non-empty line; `repeats` says how many other lines of the text
    /// are like it.
    pub fn new(line: &str, repeats: Repeats) -> LineLook {
        let Repeats { same: repeats, same_shape, same_ending } = repeats;
        let core = line.trim_end_matches(is_closer);
        let last = core.chars().last().unwrap_or(' ');
        let cut_off = core.ends_with('…') || core.ends_with("...");
        let ends_stop = !cut_off && matches!(last, '.' | '?' | '!' | '。' | '！' | '？');
        // one pass over the characters for every count and every "contains" test
        let (mut letters, mut upper, mut digits, mut nonspace, mut commas, mut chars) = (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
        let (mut separators, mut tokenized, mut quoted, mut tagged, mut money, mut link_bytes) = (false, false, false, false, false, false);
        let mut before = [' '; 3]; // the three characters before `c`, nearest last
        for c in line.chars() {
            chars += 1;
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            } else if c.is_ascii_digit() {
                digits += 1;
            }
            if !c.is_whitespace() {
                nonspace += 1;
            }
            match c {
                ',' => commas += 1,
                '"' | '“' | '”' | '«' | '»' => quoted = true,
                '@' | '#' => tagged = true,
                '$' | '€' | '£' | '%' => money = true,
                '•' => separators = true,
                ' ' => {
                    // " | ", " · ", " / ", " , " and " 's " end here
                    let [b0, b1, b2] = before;
                    separators |= chars >= 3 && b1 == ' ' && matches!(b2, '|' | '·' | '/');
                    tokenized |= (chars >= 3 && b1 == ' ' && b2 == ',') || (chars >= 4 && b0 == ' ' && b1 == '\'' && b2 == 's');
                }
                _ => {}
            }
            link_bytes |= matches!(c, '.' | '@' | '/');
            before = [before[1], before[2], c];
        }
        tokenized |= line.ends_with(" .");
        let (mut words, mut titled, mut alpha_words, mut function, mut glued) = (0usize, 0usize, 0usize, 0usize, false);
        let (mut glued_headline, mut commas_before) = (false, 0usize);
        for token in line.split_whitespace() {
            words += 1;
            if !glued && token.ends_with(',') {
                commas_before += 1;
            }
            let w = token.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(c) = w.chars().next() {
                if c.is_alphabetic() {
                    alpha_words += 1;
                    if c.is_uppercase() {
                        titled += 1;
                    }
                }
            }
            if w.len() <= 6 && FUNCTION_WORDS.contains(w) {
                function += 1;
            }
            if !glued && is_glued_title(token) {
                glued = true;
                // a title-cased run of three or more words glued to what follows: a teaser
                // card's headline run into its standfirst ("…Student-AthleteA 24-year-old…"),
                // not a brand inside a sentence ("…on LinkedIn, he said") nor a handle
                // (a list of names, "Ubisoft, Microsoft, and PlayStation", is a sentence's)
                glued_headline = words >= 3 && !token.starts_with(['@', '#']) && titled * 4 >= alpha_words * 3 && commas_before < 2;
            }
        }
        let phrase = if words <= 40 { furniture_phrase(line) } else { None };
        // cheap tests first: most lines have no digit or no dot/at sign, and need no scan
        let is_dated = digits > 0 && has_date(line);
        let linked = link_bytes && has_link(line);
        let first = line.chars().next().unwrap_or(' ');
        let wf = words.max(1) as f32;
        let upper_ratio = if letters > 0 { upper as f32 / letters as f32 } else { 0.0 };
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let base: [f32; BASE_FEATURES] = [
            ((1 + words) as f32).ln() / 3.0,
            b(words >= 8),
            b(words >= 15),
            b(words >= 30),
            b(ends_stop),
            b(last == ':'),
            b(cut_off),
            upper_ratio,
            b(letters >= 4 && upper_ratio > 0.8),
            if alpha_words > 0 { titled as f32 / alpha_words as f32 } else { 0.0 },
            if nonspace > 0 { digits as f32 / nonspace as f32 } else { 0.0 },
            function as f32 / wf,
            (commas as f32 / wf).min(1.0),
            b(separators),
            b(phrase == Some(Phrase::Prompt)),
            b(phrase == Some(Phrase::Boilerplate)),
            b(phrase == Some(Phrase::Byline)),
            b(is_dated),
            b(linked),
            b(matches!(first, '•' | '-' | '*' | '–' | '·' | '►' | '▶' | '>')),
            b(repeats > 0),
            b(first.is_lowercase()),
            b(quoted),
            b(letters == 0),
            b(words <= 2),
            b(words <= 4),
            b(tagged),
            b(line.ends_with(['»', '›', '>', '→'])),
            if nonspace > 0 { letters as f32 / nonspace as f32 } else { 0.0 },
            b(tokenized),
            b(words <= 4 && !ends_stop && upper_ratio > 0.0 && titled == alpha_words),
            b(ends_stop && words >= 6 && function >= 2),
            b(first.is_ascii_digit() && words <= 12),
            b(chars > 400),
            b(repeats >= 2),
            b(money),
            b(glued),
            b(same_shape >= 1 && repeats == 0),
            b(same_shape >= 3),
            b(same_ending >= 2),
            b(words <= 10 && COMMENT_WORDS.occurs_in(line)),
        ];
        let mut features = [0.0; LOCAL_FEATURES];
        features[..BASE_FEATURES].copy_from_slice(&base);
        features[BASE_FEATURES..].copy_from_slice(&teaser_features(glued_headline));
        let cut_teaser = cut_off
            && !core.trim_end_matches(['…', '.']).ends_with(char::is_whitespace)
            && !line.starts_with(['"', '“', '‘', '\'', '«', '„']);
        let comment_heading = words <= 5 && !ends_stop && COMMENT_HEADINGS.occurs_in(line);
        let recommends_heading = words <= 6 && !ends_stop && !line.ends_with(':') && RECOMMENDS_HEADINGS.occurs_in(line);
        let end_heading = words <= 6 && !ends_stop && !cut_off && (RELATED_HEADINGS.occurs_in(line) || is_about_heading(line) || is_bare_related(line));
        let caption_credit = words <= 60 && (CAPTION_CREDITS.occurs_in(tail_of(line, CREDIT_TAIL)) || opens_with_alt_text(line) || is_name_and_agency(line));
        let related_prefix = has_related_prefix(line);
        let author_note = words <= 40 && is_author_note(line);
        let citation_note = words <= 60 && is_citation_note(line);
        let caps_headline = words >= CAPS_HEADLINE_WORDS && !ends_stop && last != ':' && letters >= 20 && upper * 10 >= letters * 9;
        // an alt text can be a long caption; other widgets are short
        let widget = if has_character_reference(line) {
            Some(Widget::AltText)
        } else if has_shortcode(line) {
            Some(Widget::Shortcode)
        } else if words <= KEYWORDS_WORDS {
            widget_of(line, words, ends_stop)
        } else {
            None
        };
        LineLook {
            words,
            phrase,
            ends_stop,
            cut_off,
            cut_teaser,
            glued_headline,
            comment_heading,
            recommends_heading,
            end_heading,
            caption_credit,
            related_prefix,
            author_note,
            citation_note,
            caps_headline,
            widget,
            features,
        }
    }

    /// Holds a prompt ("Share this", "Sign up") or a legal phrase ("© 2025", "Cookie settings").
    pub fn prompt_or_legal(&self) -> bool {
        matches!(self.phrase, Some(Phrase::Prompt | Phrase::Boilerplate))
    }

    /// Holds a date ("18 November 2019", "2019-11-18").
    pub fn dated(&self) -> bool {
        self.features[17] > 0.0
    }

    /// Every word that starts with a letter starts with a capital ("Home News Sport").
    pub fn title_cased(&self) -> bool {
        self.features[9] >= 1.0
    }

    /// Holds a common short word of prose ("the", "of", "in", "und", "que").
    pub fn has_function_word(&self) -> bool {
        self.features[11] > 0.0
    }

    /// The line's own features.
    pub fn features(&self) -> &[f32; LOCAL_FEATURES] {
        &self.features
    }
}

/// Features of teaser cards (related stories): a headline glued to its standfirst.
fn teaser_features(glued_headline: bool) -> [f32; TEASER_FEATURES] {
    [if glued_headline { 1.0 } else { 0.0 }]
}

/// How many other lines of a text are like a line: the same, the same but for numbers
/// ("Rating: 36 Votes", "2 days ago at 07:52 am"), or short and ending in the same word
/// ("janedoe says:"), as the repeated parts of comments and teaser lists are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repeats {
    /// Identical lines.
    pub same: usize,
    /// Lines equal to this one once letters are lower-cased and each run of digits is one `0`.
    pub same_shape: usize,
    /// Lines of up to six words whose last word is this one's (only counted for such lines).
    pub same_ending: usize,
}

/// Words that announce or make up a comment section.
pub(crate) static COMMENT_WORDS: PhraseSet = PhraseSet::new(&[&[
    ("comentarios", true), ("comentários", true), ("comment", true), ("commentaires", true), ("comments", true),
    ("conversation", true), ("discussion", true), ("kommentare", true), ("replies", true), ("reply", true),
    ("responses", true), ("says:", false), ("votes", true), ("wrote:", false),
]]);

/// Words that head a comment section (not "discussion" or "responses", which also head
/// parts of an article), with the comment form's heading in a few languages ("Deixe uma
/// resposta", "Schreibe einen Kommentar"; not the singular "Kommentar" alone, which also
/// labels an opinion piece).
static COMMENT_HEADINGS: PhraseSet = PhraseSet::new(&[&[
    ("comentarios", true), ("comentários", true), ("comment", true), ("commentaires", true), ("comments", true),
    ("deixe um comentário", false), ("deixe uma resposta", true), ("deja un comentario", true),
    ("deja una respuesta", true), ("hinterlasse einen kommentar", true), ("join the conversation", true),
    ("kommentare", true), ("laisser un commentaire", true), ("lascia un commento", true), ("leave a reply", true),
    ("replies", true), ("schreibe einen kommentar", true),
]]);

/// Headings of what a page recommends after its article ("You may also like").
static RECOMMENDS_HEADINGS: PhraseSet = PhraseSet::new(&[&[
    ("könnte sie auch interessieren", true), ("pode gostar", true), ("potrebbe interessarti", true),
    ("recommended for you", true), ("te puede interesar", true), ("vous aimerez", true), ("you may also like", true),
    ("you may like", true), ("you might also like", true), ("you might like", true),
]]);

/// Headings of a list of related pieces under an article, and of a box on its writer.
static RELATED_HEADINGS: PhraseSet = PhraseSet::new(&[&[
    ("a propos de l'auteur", true), ("about the author", true), ("artículos relacionados", true),
    ("artigos relacionados", true), ("articles similaires", true), ("mais lidas", true), ("more from", true),
    ("more stories", true), ("noticias relacionadas", true), ("notícias relacionadas", true), ("pode gostar", true),
    ("posts relacionados", true), ("read next", true), ("related articles", true), ("related coverage", true),
    ("related news", true), ("related posts", true), ("related stories", true), ("sobre el autor", true),
    ("sobre o autor", true), ("weitere artikel", true), ("weitere beiträge", true), ("you may also like", true),
    ("you might also like", true), ("à propos de l'auteur", true), ("über den autor", true),
]]);

/// Words a heading of a box on the writer opens with ("About Jane Doe").
const ABOUT_WORDS: &[&str] = &["about", "acerca", "sobre", "über"];

/// Headings of related pieces that are one word, matched as the whole line (as part of a
/// line they say nothing: "related charges").
const BARE_RELATED: &[&str] = &["related", "see also", "relacionados", "relacionadas"];

/// A heading of related pieces that is a word alone on its line ("Related", "RELATED:").
fn is_bare_related(line: &str) -> bool {
    let bare = line.trim_end_matches(':').trim();
    BARE_RELATED.iter().any(|w| bare.eq_ignore_ascii_case(w))
}

/// A heading of a box on the writer: "About", "Sobre" or "Über" and a name of one to three
/// capitalised words ("Über Jane Doe"), not a sentence or a menu's "About us".
fn is_about_heading(line: &str) -> bool {
    let mut words = line.split_whitespace();
    // most short lines stop here, before their words are gathered
    if !words.next().is_some_and(|w| ABOUT_WORDS.contains(&w.to_lowercase().as_str())) {
        return false;
    }
    let name: Vec<&str> = words.collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.');
    let not_a_name = |w: &&str| matches!(w.to_lowercase().as_str(), "us" | "me" | "this" | "our" | "the" | "uns" | "nós" | "nosotros");
    (1..=3).contains(&name.len()) && name.iter().all(capitalised) && !name.iter().any(not_a_name)
}

/// Byte length of a leading dateline in `text` ("NAIROBI, Kenya (CNN) -- "), if it has one:
/// the article finder keeps a wire story's opening paragraph by it, the summary shows a
/// sentence without it.
pub(crate) fn dateline_end(text: &str) -> Option<usize> {
    let head = &text[..floor_boundary(text, 90)];
    let open = head.find('(')?;
    let close = open + head[open..].find(')')?;
    let tag = &head[open + 1..close];
    if tag.is_empty() || tag.len() > 32 || !tag.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // an agency tag is a short capitalised name: "CNN", "Reuters", "AP", "The Hollywood Reporter"
    if !tag.split(' ').all(|w| w.starts_with(|c: char| c.is_uppercase())) {
        return None;
    }
    // before it only a place: capitalised words, commas and dots ("WASHINGTON", "Nairobi, Kenya",
    // "West of Baghdad, Iraq")
    let place = &head[..open];
    let mut place_words = place.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).peekable();
    let place_ok = place_words.peek().map_or(true, |w| w.starts_with(|c: char| c.is_uppercase()))
        && place_words.all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "." | "of") || w.chars().all(|c| c.is_ascii_digit()));
    if !place_ok || place.split_whitespace().count() > 6 {
        return None;
    }
    let rest = &text[close + 1..];
    let skipped = rest.len() - rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':')).len();
    let body = &rest[skipped..];
    let starts_well = body.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\''));
    (starts_well && body.len() >= 10).then_some(close + 1 + skipped)
}

/// Fewest words of a headline in capitals ([`LineLook::caps_headline`]).
const CAPS_HEADLINE_WORDS: usize = 8;

/// Most words of a line that is one of a page's widgets (a breadcrumb trail of a few long steps).
const WIDGET_WORDS: usize = 16;

/// The widget `line` (of `words` words) is, if any.
fn widget_of(line: &str, words: usize, ends_stop: bool) -> Option<Widget> {
    if words > WIDGET_WORDS {
        return (!ends_stop && is_keywords(line, words)).then_some(Widget::Keywords);
    }
    if words <= 4 && is_ad_label(line) {
        Some(Widget::AdLabel)
    } else if words <= BACK_LINK_WORDS && is_back_link(line) {
        Some(Widget::BackLink)
    } else if words <= BACK_LINK_WORDS && !ends_stop && is_next_link(line) {
        Some(Widget::NextLink)
    } else if is_breadcrumb(line) {
        Some(Widget::Breadcrumb)
    } else if is_share_buttons(line) {
        Some(Widget::ShareButtons)
    } else if words <= READING_TIME_WORDS && is_reading_time(line) {
        Some(Widget::ReadingTime)
    } else if is_script_notice(line) {
        Some(Widget::ScriptNotice)
    } else if !ends_stop && is_keywords(line, words) {
        Some(Widget::Keywords)
    } else {
        None
    }
}

/// Named character references an alt text keeps undecoded.
const CHARACTER_NAMES: &[&str] = &["quot", "apos", "amp", "nbsp", "lt", "gt"];

/// Whether `line` holds a blog's shortcode: "[" and a lower-case name, then an attribute
/// ("[button link=", "[caption id=") or the closing "]" of "[/name]".
fn has_shortcode(line: &str) -> bool {
    // the byte length of the run of lower-case letters and "_" that opens `s`
    let ident_len = |s: &str| s.find(|c: char| !(c.is_ascii_lowercase() || c == '_')).unwrap_or(s.len());
    line.match_indices('[').any(|(at, _)| {
        let rest = &line[at + 1..];
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let name_len = ident_len(rest);
        if name_len < 2 {
            return false;
        }
        let after = &rest[name_len..];
        if closing {
            return after.starts_with(']');
        }
        let Some(attr) = after.strip_prefix(' ') else { return false };
        let attr_len = ident_len(attr);
        attr_len >= 2 && attr[attr_len..].starts_with('=')
    })
}

/// Whether `line` holds an undecoded HTML character reference ("&#39;", "&#x2019;", "&quot;").
fn has_character_reference(line: &str) -> bool {
    line.match_indices('&').any(|(at, _)| {
        let rest = &line[at + 1..];
        let Some(end) = rest.find(';').filter(|&e| e <= 8) else { return false };
        let name = &rest[..end];
        match name.strip_prefix('#') {
            Some(num) => match num.strip_prefix(['x', 'X']) {
                Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
                None => !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()),
            },
            None => CHARACTER_NAMES.contains(&name),
        }
    })
}

/// Most words of a line of keywords that is looked at.
const KEYWORDS_WORDS: usize = 40;
/// Fewest words of a line of keywords.
const KEYWORDS_FEWEST: usize = 6;

/// A page's keywords for search engines ("calendario stock car 2018, stock car brasil,
/// stock car cascavel"): [`KEYWORDS_FEWEST`] words or more in lower case from the first, no
/// sentence, where at most 60% of the words other than function words are different
/// (prose repeats its nouns far less).
fn is_keywords(line: &str, words: usize) -> bool {
    if words < KEYWORDS_FEWEST || !line.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    // function words left out: a line of wrapped prose repeats "the" and "of", not its nouns
    let all: Vec<String> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(w))
        .collect();
    let mut distinct = all.clone();
    distinct.sort();
    distinct.dedup();
    all.len() >= KEYWORDS_FEWEST && distinct.len() * 5 <= all.len() * 3
}

/// Most words of a link back up the site ("Back to Main Menu").
const BACK_LINK_WORDS: usize = 5;

/// How a link back up the site opens, in the languages of [`FUNCTION_WORDS`].
const BACK_LINK_STARTS: &[&str] = &["back to ", "retour à ", "retour au ", "return to ", "volver a ", "voltar ", "zurück zu"];

/// A link back up the site ("Back to Gallery", "Zurück zur Übersicht"), in any case.
fn is_back_link(line: &str) -> bool {
    // most lines stop here, before a lower-case copy is made
    if !line.starts_with(['b', 'B', 'r', 'R', 'v', 'V', 'z', 'Z']) {
        return false;
    }
    let lower = line.to_lowercase();
    BACK_LINK_STARTS.iter().any(|s| lower.starts_with(s))
}

/// How a link to the next or previous piece opens, after any arrow or dash.
const NEXT_LINK_STARTS: &[&str] = &["next ", "previous ", "prev "];

/// What a link to the next or previous piece may end with ("Next post", "Previous story").
const NEXT_LINK_ENDS: &[&str] = &["article", "entry", "news", "page", "post", "story"];

/// A link to the site's next or previous piece ("- Next Auto News", "Previous post"), in any
/// case: "Next" or "Previous" first, after an arrow or a dash or before a word for a piece
/// (so a subheading "Next steps" is none).
fn is_next_link(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    // most lines stop here, before a lower-case copy is made
    if !rest.starts_with(['n', 'N', 'p', 'P']) {
        return false;
    }
    let lower = rest.to_lowercase();
    let marked = rest.len() < line.len();
    let piece = lower.split_whitespace().last().is_some_and(|w| NEXT_LINK_ENDS.contains(&w));
    (marked || piece) && NEXT_LINK_STARTS.iter().any(|s| lower.starts_with(s))
}

/// Labels of an advert in the languages of [`FUNCTION_WORDS`].
const AD_LABELS: &[&str] = &[
    "ad", "advert", "advertisement", "advertising", "anuncio", "anzeige", "annonce", "paid content", "pubblicità",
    "publicidad", "publicidade", "publicité", "reklame", "sponsored", "sponsored content", "werbung",
];

/// A line that is only the label of an advert ("ADVERTISEMENT", "Anzeige"), marks around it aside.
fn is_ad_label(line: &str) -> bool {
    let label = line.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    AD_LABELS.contains(&label.as_str())
}

/// Words that ask for scripts to be turned on, next to "JavaScript".
static SCRIPT_ASKS: PhraseSet = PhraseSet::new(&[&[
    ("activate", true), ("activez", true), ("aktivieren", true), ("ativar", true), ("enable", true),
    ("enabled", true), ("habilita", true), ("habilite", true), ("require", true), ("requires", true), ("turn on", true),
]]);

/// A notice that the page needs JavaScript for a widget ("This slideshow requires
/// JavaScript.", "Please enable JavaScript to view the comments powered by Disqus.").
fn is_script_notice(line: &str) -> bool {
    SCRIPT_WORD.occurs_in(line) && SCRIPT_ASKS.occurs_in(line)
}

/// "JavaScript" in any ASCII case.
static SCRIPT_WORD: PhraseSet = PhraseSet::new(&[&[("javascript", false)]]);

/// Most words in one step of a breadcrumb trail ("Mensagens de Autoestima").
const CRUMB_WORDS: usize = 5;

/// A breadcrumb trail: three or more steps of up to [`CRUMB_WORDS`] words between ` > `,
/// ` » ` or ` › ` (spaced, so "x>y" in a formula is none), the same mark throughout.
fn is_breadcrumb(line: &str) -> bool {
    [" > ", " » ", " › "].iter().any(|mark| {
        let mut steps = 0;
        for step in line.split(mark) {
            let n = step.split_whitespace().count();
            if n == 0 || n > CRUMB_WORDS {
                return false;
            }
            steps += 1;
        }
        steps >= 3
    })
}

/// Names of social networks and sharing services a row of share buttons shows.
static SHARE_NETWORKS: WordSet = WordSet::new(&[
    "facebook", "flipboard", "linkedin", "messenger", "pinterest", "pint", "pocket", "reddit", "telegram", "tumblr",
    "twitter", "vk", "wechat", "weibo", "whatsapp", "xing",
]);

/// Other words a row of share buttons shows ("Share on", "Email", "Print", "Copy link").
static SHARE_WORDS: WordSet = WordSet::new(&[
    "baixar", "compartilhar", "compartir", "condividi", "copy", "drucken", "e-mail", "email", "imprimer", "imprimir",
    "link", "mail", "on", "partager", "print", "share", "sms", "stampa", "teilen", "tweet", "via",
]);

/// A row of share buttons: two or more words, each a social network or a sharing word
/// ([`SHARE_NETWORKS`], [`SHARE_WORDS`]), at least one of them a network ("Twitter Facebook",
/// "Whatsapp | Facebook | Pint | Baixar"); marks between them ("|", "·") do not count.
fn is_share_buttons(line: &str) -> bool {
    let (mut words, mut networks) = (0, 0);
    for w in line.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if SHARE_NETWORKS.contains(w) {
            networks += 1;
        } else if !SHARE_WORDS.contains(w) {
            return false;
        }
        words += 1;
    }
    words >= 2 && networks >= 1
}

/// Most words of a reading-time line ("Tempo estimado de leitura: 3 minutos").
const READING_TIME_WORDS: usize = 7;

/// Words that say "reading" in a reading-time line, in the languages of [`FUNCTION_WORDS`].
static READING_WORDS: PhraseSet = PhraseSet::new(&[&[
    ("de leitura", true), ("de lectura", true), ("de lecture", true), ("di lettura", true), ("lesedauer", true),
    ("leestijd", true), ("lesezeit", true), ("read", true), ("reading time", true), ("read time", true),
]]);

/// The reading time of the piece: a short line with a number, a word for minutes ("min",
/// "minutes", "minuto", "Minuten", not "minister") and one for reading ([`READING_WORDS`]).
fn is_reading_time(line: &str) -> bool {
    if !line.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = line.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "min" | "mins" | "minuut") || w.starts_with("minut"))
        && READING_WORDS.occurs_in(&lower)
}

/// Most words of a picture's generated description before the caption ("a group of people
/// standing in a room:").
const ALT_TEXT_WORDS: usize = 10;

/// Whether `line` opens with a picture's generated description, in lower case, then a
/// colon and the caption ("a hand holding a blue object: Needle poking skin…"), as the alt
/// text a news portal puts before its captions: an article's line starts with a capital.
fn opens_with_alt_text(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("a ").or_else(|| line.strip_prefix("an ")) else { return false };
    let Some(colon) = rest.find(": ") else { return false };
    let description = &rest[..colon];
    description.split_whitespace().count() < ALT_TEXT_WORDS
        && !description.contains(['.', ',', ';'])
        && rest[colon + 2..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// News and picture agencies a credit or a wire byline names after the person.
const AGENCY_NAMES: &[&str] = &["afp", "ap", "associated press", "bloomberg", "epa", "getty images", "reuters", "the associated press"];

/// Whether `line` is a name of two or three capitalised words and an agency, and nothing
/// more ("Michael Conroy, AP", "Tom Davies Associated Press"): a picture's credit or a wire
/// byline on a line of its own.
fn is_name_and_agency(line: &str) -> bool {
    let bytes = line.as_bytes();
    let ends_with = |a: &&&str| bytes.len() > a.len() && bytes[bytes.len() - a.len()..].eq_ignore_ascii_case(a.as_bytes());
    let Some(agency) = AGENCY_NAMES.iter().filter(ends_with).max_by_key(|a| a.len()) else { return false };
    // ASCII from there on, so a character starts there
    let before = &line[..line.len() - agency.len()];
    // the agency stands as a word of its own ("Michael Conroy, AP", not "Harbour Gap")
    if !before.ends_with([' ', ',']) {
        return false;
    }
    let name = before.trim_end().trim_end_matches(',');
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''));
    (2..=3).contains(&words.len()) && words.iter().all(capitalised)
}

/// Credits of a picture in its caption.
static CAPTION_CREDITS: PhraseSet = PhraseSet::new(&[&[
    ("/afp)", false), ("/ap)", false), ("/reuters)", false), ("ap photo", true), ("credit:", false),
    ("credits:", false), ("getty images", true), ("image caption", true), ("image credit", true),
    ("photo by", true), ("photo:", false), ("photograph by", true), ("photograph:", false),
]]);

/// Bytes at the end of a line where a caption's credit stands.
const CREDIT_TAIL: usize = 48;

/// The last `n` bytes of `line` or a little more, from a char boundary.
fn tail_of(line: &str, n: usize) -> &str {
    &line[floor_boundary(line, line.len().saturating_sub(n))..]
}

/// What a writer of the piece is, in a note about them.
static WRITER_ROLES: WordSet = WordSet::new(&[
    "author", "columnist", "contributor", "correspondent", "editor", "freelancer", "journalist", "producer",
    "publisher", "reporter", "writer",
]);

/// How a note credits those who helped report the piece ("Jane Doe contributed reporting
/// from Oslo.", "… contributed to this report.").
const CONTRIBUTED: &[&str] = &["contributed reporting", "contributed to this article", "contributed to this report", "contributed to this story"];

/// "… is a / is an / is the / was a …" followed within five words by one of [`WRITER_ROLES`],
/// or a note of who contributed to the report ([`CONTRIBUTED`]).
fn is_author_note(line: &str) -> bool {
    if line.contains(" contributed ") {
        let lower = line.to_ascii_lowercase();
        if CONTRIBUTED.iter().any(|c| lower.contains(c)) {
            return true;
        }
    }
    if !(line.contains(" is ") || line.contains(" was ")) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    words.windows(2).enumerate().any(|(i, pair)| {
        let is = pair[0].eq_ignore_ascii_case("is") || pair[0].eq_ignore_ascii_case("was");
        let article = ["a", "an", "the"].iter().any(|a| pair[1].eq_ignore_ascii_case(a));
        is && article && words[i + 2..].iter().take(5).any(|w| WRITER_ROLES.contains(w))
    })
}

/// "… (2026, March 2) retrieved 3 March 2026 from …": a date in brackets, "retrieved", and
/// where from, in that order.
fn is_citation_note(line: &str) -> bool {
    // every line is asked: copy only those with a closing bracket into lower case
    if !line.contains(") ") {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    lower.find(") retrieved ").is_some_and(|at| lower[at..].contains(" from "))
}

/// Labels that put a related story's headline behind a link ("Related: …", "READ MORE: …"),
/// or the page's tags and topics ("Tags: Minnesota Wild").
const RELATED_PREFIXES: &[&str] = &[
    "also read:", "filed under:", "more:", "read also:", "read more:", "read next:", "related post:", "related posts:",
    "related roundup:", "related:", "see also:", "tag:", "tags:", "topic:", "topics:", "watch:",
];

/// Whether `line` opens with one of [`RELATED_PREFIXES`], in any ASCII case.
fn has_related_prefix(line: &str) -> bool {
    RELATED_PREFIXES.iter().any(|p| line.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)))
}

/// A 64-bit hash of the line with ASCII letters lower-cased and each run of digits as one
/// `0` (hashed rather than built, to spare an allocation per line).
fn shape_of(line: &str) -> u64 {
    let mut hash = Fnv::default();
    let mut in_digits = false;
    for &c in line.as_bytes() {
        if c.is_ascii_digit() {
            if !in_digits {
                hash.add(b'0');
            }
            in_digits = true;
        } else {
            hash.add(c.to_ascii_lowercase());
            in_digits = false;
        }
    }
    hash.0
}

/// A hash of the last word, ASCII lower-cased, of a line of up to six words.
fn ending_of(line: &str) -> Option<u64> {
    let mut words = line.split_whitespace();
    let last = words.next_back()?;
    (words.take(6).count() < 6).then(|| {
        let mut hash = Fnv::default();
        last.bytes().for_each(|c| hash.add(c.to_ascii_lowercase()));
        hash.0
    })
}

/// FNV-1a, byte by byte.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn add(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
}

/// Whether a headline runs into the next text without a space inside `token` ("WinsThe",
/// "Over?Experts", "AthleteA"), as teaser cards of related stories do when pasted. The
/// glued word must go on in lower case, be a word in capitals or be "A" or "I" alone: a
/// capital that ends the token is a brand's ("SciSpacE", "SpaceX"), not a sentence's start.
fn is_glued_title(token: &str) -> bool {
    // the capital looked for has four letters before it, or a number (of four bytes or more in
    // the headlines seen: "5,000The", "2027In"): an ASCII token (most) with no capital from
    // its fifth byte on has none, and needs no walk through its characters
    if token.is_ascii() && !token.as_bytes().iter().skip(4).any(u8::is_ascii_uppercase) {
        return false;
    }
    let mut run = 0usize; // letters of the current word part
    let mut prev = ' ';
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        // a headline that ends in a number ("…Applications To 250,000The state…"): only a
        // common word of prose counts as glued there, so that "10Mbps" or "4K" do not
        if c.is_uppercase() && prev.is_ascii_digit() {
            // the capital and the small letters after it, a slice of the token
            let rest = chars.as_str();
            let start = token.len() - rest.len() - c.len_utf8();
            let end = token.len() - rest.len() + rest.find(|n: char| !n.is_lowercase()).unwrap_or(rest.len());
            let word = &token[start..end];
            if word.len() > 1 && FUNCTION_WORDS.contains(word) {
                return true;
            }
        }
        if c.is_uppercase() && run >= 4 && (prev.is_lowercase() || matches!(prev, '?' | '!' | '.')) {
            let starts_a_word = match chars.clone().next() {
                Some(n) if n.is_lowercase() => true,
                // a word in capitals ("CoachBREAKING:"), not an abbreviation ("CityAM")
                Some(n) if n.is_alphabetic() => {
                    // (stops at the first small letter, before the next place to look: linear)
                    let mut rest = chars.clone().filter(|c| c.is_alphabetic());
                    rest.clone().take(3).count() >= 3 && rest.all(char::is_uppercase)
                }
                _ => matches!(c, 'A' | 'I'),
            };
            if starts_a_word {
                return true;
            }
        }
        if c.is_alphabetic() {
            run += 1;
        } else if !matches!(c, '?' | '!' | '.') {
            run = 0;
        }
        prev = c;
    }
    false
}

/// Looks at every line of a text, counting repeated lines. Linear in the text's size.
///
/// ```
/// let text = "Home\nThe town voted on Monday.\nHome";
/// let lines: Vec<_> = precis::text::article::lines(text).collect();
/// let looks = precis::text::line_features::look_at_lines(text, &lines);
/// assert_eq!(looks.len(), 3);
/// assert!(looks[1].ends_stop);
/// ```
pub fn look_at_lines(text: &str, lines: &[Span]) -> Vec<LineLook> {
    let mut counts: TextMap<&str, usize> = TextMap::with_capacity_and_hasher(lines.len(), Default::default());
    let shapes: Vec<u64> = lines.iter().map(|l| shape_of(l.slice(text))).collect();
    let endings: Vec<Option<u64>> = lines.iter().map(|l| ending_of(l.slice(text))).collect();
    let mut shape_counts: TextMap<u64, usize> = TextMap::with_capacity_and_hasher(lines.len(), Default::default());
    let mut ending_counts: TextMap<u64, usize> = TextMap::with_capacity_and_hasher(lines.len(), Default::default());
    for (i, l) in lines.iter().enumerate() {
        *counts.entry(l.slice(text)).or_default() += 1;
        *shape_counts.entry(shapes[i]).or_default() += 1;
        if let Some(e) = endings[i] {
            *ending_counts.entry(e).or_default() += 1;
        }
    }
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let repeats = Repeats {
                same: counts[l.slice(text)] - 1,
                same_shape: shape_counts[&shapes[i]] - 1,
                same_ending: endings[i].map_or(0, |e| ending_counts[&e] - 1),
            };
            LineLook::new(l.slice(text), repeats)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words() {
        let cases: &[(&str, bool)] = &[("the", true), ("The", true), ("THE", true), ("th", false), ("them", true),
            ("theme", false), ("não", true), ("NÃO", false), ("é", true), ("", false), ("a", true), ("b", false)];
        for (word, want) in cases {
            assert_eq!(FUNCTION_WORDS.contains(word), *want, "{word:?}");
        }
    }

    #[test]
    fn lines_alike_and_comment_words() {
        let text = "Rating: 36 Votes\nRating: 7 Votes\nRATING: 1234 votes\njane says:\njoe says:\nann says:\n\
            Home\nHome\nShe says the bridge will close for a year while it is repaired, and then reopen.";
        let lines: Vec<Span> = crate::text::article::lines(text).collect();
        let looks = look_at_lines(text, &lines);
        // per line: same shape but not identical, 3+ of the same shape, same last word as 2+ short lines, comment words
        let want = [
            [1.0, 0.0, 1.0, 1.0],
            [1.0, 0.0, 1.0, 1.0],
            [1.0, 0.0, 1.0, 1.0],
            [0.0, 0.0, 1.0, 1.0],
            [0.0, 0.0, 1.0, 1.0],
            [0.0, 0.0, 1.0, 1.0],
            [0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0],
        ];
        assert_eq!(looks.len(), want.len());
        for (k, (look, w)) in looks.iter().zip(want).enumerate() {
            assert_eq!(look.features()[37..41], w, "line {k}: {:?}", lines[k].slice(text));
        }
    }

    #[test]
    fn glued_titles() {
        let cases: &[(&str, bool)] = &[
            ("Local Team Wins FinalThe team beat its rivals.", true),
            ("Is It Over?Experts say no.", true),
            ("McDonald and YouTube and iPhone are names.", false),
            ("The U.S. economy grew.", false),
            ("Student-AthleteA 24-year-old won.", true),
            ("ESA's SciSpacE team called in experts.", false),
            ("Tottenham Sack Their CoachBREAKING: Tottenham Sack Their Coach", true),
            ("Copyright © 2019 CityAM. Limited", false),
            ("Harbour Trust To Mail Letters To 5,000The trust will write to every home.", true),
            ("The line runs at 10Mbps and streams 4K video.", false),
            ("Ferry Fares Frozen Until 2027In a letter, the operator said so.", true),
            ("Boats Sold In 2019A dealer said the season was good.", false),
        ];
        for (line, want) in cases {
            assert_eq!(line.split_whitespace().any(is_glued_title), *want, "{line:?}");
        }
    }

    #[test]
    fn teasers_comments_and_captions() {
        // glued headline, comment heading, caption credit, related prefix
        let cases: &[(&str, [bool; 4])] = &[
            ("Harbour Wall To Be Rebuilt After StormsThe council said work would start soon.", [true, false, false, false]),
            ("Ubisoft, Microsoft, and PlayStation all had stands at the fair.", [false, false, false, false]),
            ("She posted the news on LinkedIn before the meeting.", [false, false, false, false]),
            ("View Comments", [false, true, false, false]),
            ("[ 167 comments ]", [false, true, false, false]),
            ("The comments section of the report was long and detailed.", [false, false, false, false]),
            ("Deixe uma resposta", [false, true, false, false]),
            ("Schreibe einen Kommentar", [false, true, false, false]),
            ("Kommentar", [false, false, false, false]),
            ("Workers repaint the lantern room. (AP Photo/Jane Doe)", [false, false, true, false]),
            ("The new lantern in its cradle. Credit: Harbour Trust", [false, false, true, false]),
            ("Related: Harbour wall to be rebuilt", [false, false, false, true]),
            ("Tags: Harbour, Lighthouses", [false, false, false, true]),
            ("Tagsüber bleibt der Hafen offen.", [false, false, false, false]),
            ("READ MORE: The history of the pier", [false, false, false, true]),
            ("Related stories are listed below the article.", [false, false, false, false]),
        ];
        for (line, want) in cases {
            let l = LineLook::new(line, Repeats::default());
            assert_eq!([l.glued_headline, l.comment_heading, l.caption_credit, l.related_prefix], *want, "{line:?}");
        }
    }

    #[test]
    fn caps_headlines() {
        let cases: &[(&str, bool)] = &[
            ("HARBOUR MASTER SAYS THE NORTH PIER LIGHT WILL SHINE AGAIN", true),
            ("'HARBOUR DAYS' STAR OPENS UP ABOUT HER YEARS ON THE FERRY", true),
            ("FERRY FARES RISE FOR THE WINTER, OPERATOR SAYS IT HAS NO CHOICE", true),
            ("HOW TO PAINT A LIGHTHOUSE", false),
            ("HOW TO USE THE NEW FERRY TICKET MACHINES ON THE QUAY?", false),
            ("THE HARBOUR AUTHORITY VOTED ON MONDAY TO RESTORE THE LIGHT .", false),
            ("WHAT THE HARBOUR AUTHORITY DECIDED AT ITS MEETING ON MONDAY:", false),
            ("Harbour master says the north pier light will shine again", false),
            ("NORTHPORT 1996-08-22 12 14 15 16 17 18 19", false),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, Repeats::default()).caps_headline, *want, "{line:?}");
        }
    }

    #[test]
    fn citation_notes() {
        let cases: &[(&str, bool)] = &[
            ("Citation: Lights return to the pier (2026, March 2) retrieved 3 March 2026 from https://example.org/a", true),
            ("Lights return to the pier (2026, March 2) Retrieved 3 March 2026 from example.org", true),
            ("Divers retrieved the bell (a bronze one) from the harbour floor.", false),
            ("The bell (cast in 1890) retrieved its old place.", false),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, Repeats::default()).citation_note, *want, "{line:?}");
        }
    }

    #[test]
    fn generated_alt_text_before_a_caption() {
        let cases: &[(&str, bool)] = &[
            ("a man looking at the camera: Tomas Berg at the harbour in Northport", true),
            ("an old lighthouse on a pier: The north pier light in March", true),
            ("a group of people standing in a room: Workers at the Northport yard, Tuesday", true),
            ("A man looking at the camera: Tomas Berg at the harbour", false),
            ("a man who said he had worked there for years, and more: The rest", false),
            ("a man looking at the camera: and then he left", false),
            ("and so it goes: The harbour", false),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, Repeats::default()).caption_credit, *want, "{line:?}");
        }
    }

    #[test]
    fn a_name_and_an_agency() {
        let cases: &[(&str, bool)] = &[
            ("Tomas Berg, AP", true),
            ("Tomas Berg Associated Press", true),
            ("Jane M. Doe, The Associated Press", true),
            ("Ann-Marie O'Neil Reuters", true),
            ("Tomas Berg", false),
            ("Harbour Gap", false),
            ("The harbour, AP", false),
            ("Tomas Berg of the harbour desk, Reuters", false),
            ("Tomas Berg Gap", false),
            ("İlkay Gündoğan, AP", true),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, Repeats::default()).caption_credit, *want, "{line:?}");
        }
    }

    #[test]
    fn end_headings() {
        let cases: &[(&str, bool)] = &[
            ("Related articles", true),
            ("Related", true),
            ("RELATED:", true),
            ("See also", true),
            ("Über Jane Doe", true),
            ("Related charges were dropped", false),
            ("Unrelated", false),
            ("About us", false),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, Repeats::default()).end_heading, *want, "{line:?}");
        }
    }

    #[test]
    fn recommends_headings() {
        let cases: &[(&str, bool)] = &[
            ("You may also like", true),
            ("Você pode gostar...", true),
            ("YOU MAY LIKE THESE POSTS", true),
            ("You may also like:", false),
            ("You may like the new harbour walk, the mayor said.", false),
            ("Related articles", false),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, Repeats::default()).recommends_heading, *want, "{line:?}");
        }
    }

    #[test]
    fn widgets() {
        use Widget::*;
        let cases: &[(&str, Option<Widget>)] = &[
            ("Home > News > Science", Some(Breadcrumb)),
            ("Início » Notícias da Cidade » Porto", Some(Breadcrumb)),
            ("首页 > 科技 > 正文", Some(Breadcrumb)),
            ("Home > News", None),
            ("If a > b > c then a is the largest of the three numbers given", None),
            ("Home > News > Science > the long list of the steps to a lighthouse here", None),
            ("Home > News » Science", None),
            ("x>y>z", None),
            ("Twitter Facebook", Some(ShareButtons)),
            ("Whatsapp | Facebook | Pint | Baixar", Some(ShareButtons)),
            ("Share on Facebook · Share on Twitter · Email", Some(ShareButtons)),
            ("Share Print Email", None),
            ("Facebook", None),
            ("Facebook shares fall", None),
            ("5 min read", Some(ReadingTime)),
            ("Tempo de leitura: 1 minuto", Some(ReadingTime)),
            ("Lesezeit: 3 Min.", Some(ReadingTime)),
            ("Lesezeit: 3 Min", Some(ReadingTime)),
            ("Reading time: 4 minutes", Some(ReadingTime)),
            ("Tiempo de lectura: 2 minutos", Some(ReadingTime)),
            ("Read: Minister names 3 new harbour wardens", None),
            ("Reading time", None),
            ("Ferry runs every 20 minutes", None),
            ("ADVERTISEMENT", Some(AdLabel)),
            ("- Anzeige -", Some(AdLabel)),
            ("Advertising", Some(AdLabel)),
            ("Advertising rates rose", None),
            ("This slideshow requires JavaScript.", Some(ScriptNotice)),
            ("Please enable JavaScript to view the comments powered by Disqus.", Some(ScriptNotice)),
            ("JavaScript is a language of the web.", None),
            ("ferry northport, ferry times, ferry harbour gap, northport ferry, ferry tickets", Some(Keywords)),
            ("lc 500 lexus lexus lc lexus lc 500 lexus lc convertible", Some(Keywords)),
            ("and the ferry and the pier and the ferry", None),
            ("of the ferry to the pier of the harbour and the ferry", None),
            ("and the ferry and the pier and the ferry again.", None),
            ("ferries, piers and lighthouses of the northern harbour coast", None),
            ("Ferry northport, ferry times, ferry harbour gap, northport ferry", None),
            ("Back to Gallery", Some(BackLink)),
            ("Zurück zur Übersicht", Some(BackLink)),
            ("Back to the harbour he went, as every year since the war.", None),
            ("Backing the harbour plan", None),
            ("- Next Harbour News", Some(NextLink)),
            ("« Previous post", Some(NextLink)),
            ("Next week the pier reopens.", None),
            ("Next steps for the harbour plan and the pier", None),
            ("Next steps", None),
            ("Next post", Some(NextLink)),
            ("Workers paint the harbour&#39;s north pier light at dusk, seen from the ferry on a calm evening in the spring", Some(AltText)),
            ("The &quot;old light&quot; on the pier", Some(AltText)),
            ("A lamp&#x2019;s lens", Some(AltText)),
            ("Fish & chips on the pier; the ferry & the light.", None),
            ("Ferries &amp piers", None),
            ("The code &#; does nothing", None),
            ("A &madeup; name", None),
            ("[button link=”https://harbour.example/photos” type=”big”] Send us your photos[/button]", Some(Shortcode)),
            ("[caption id=\"pier_1\" align=\"left\"] The north pier", Some(Shortcode)),
            ("Send us your photos[/button]", Some(Shortcode)),
            ("The ferry [sic] runs late", None),
            ("The ferry [a note] runs late", None),
            ("Array access a[i] = 2 is fast", None),
            ("Workers paint the harbour&#39;s north pier light at dusk, seen from the ferry on a calm evening in the spring, as the town&#39;s volunteers look on from the quay and the fishing boats come back into the harbour mouth before the storm", Some(AltText)),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, Repeats::default()).widget, *want, "{line:?}");
        }
    }

    #[test]
    fn author_notes() {
        let cases: &[(&str, bool)] = &[
            ("Maren Holt is a reporter for The Harbour Gazette.", true),
            ("Tomas Berg is the Asia digital editor for Example News, based in Oslo.", true),
            ("Ann Lee was a freelance writer living in Leeds.", true),
            ("The editor is a patient man.", false),
            ("He is a keen sailor and a former harbour master.", false),
            ("A reporter asked whether it is a good plan.", false),
            ("Tomas Berg contributed reporting from Oslo.", true),
            ("Staff writer Ann Lee in Leeds contributed to this report.", true),
            ("The harbour trust contributed two million to the repairs.", false),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, Repeats::default()).author_note, *want, "{line:?}");
        }
    }

    #[test]
    fn phrases() {
        let cases: &[(&str, Option<Phrase>)] = &[
            ("Share this article", Some(Phrase::Prompt)),
            ("Sign up for our daily newsletter", Some(Phrase::Prompt)),
            ("© 2024 Example Media. All rights reserved.", Some(Phrase::Boilerplate)),
            ("Quotes delayed at least 15 minutes.", Some(Phrase::Boilerplate)),
            ("By Jane Doe", Some(Phrase::Byline)),
            ("Updated 3 hours ago", Some(Phrase::Byline)),
            ("The council met on Tuesday to discuss the bridge.", None),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, Repeats::default()).phrase, *want, "{line:?}");
        }
    }
}
