//! HTML (from the clipboard or a page) to plain text with the block structure kept.
//!
//! Nothing is executed or loaded: the markup is read as text by a small scanner.
//! Block elements (paragraphs, headings, list items, table cells, `<br>`) become line
//! breaks, `<script>`, `<style>`, `<template>`, `<svg>`, `<head>` and elements marked
//! `hidden`, `aria-hidden="true"` or `display:none` are dropped with their content,
//! and character references are decoded. The offsets of everything later refer to
//! the derived text.

/// The plain text derived from HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlText {
    /// Text with one block per line (no empty lines, each line trimmed).
    pub text: String,
    /// What the markup said about each line of `text`, in order: one hint per line.
    pub hints: Vec<BlockHint>,
}

/// What the markup says about one line of the derived text: the shares of its
/// characters inside links, inside page furniture (`<nav>`, `<footer>`, `<aside>`,
/// elements whose class or id says menu, share, related, comment…), inside the
/// article's own container (`<article>`, `<main>`, `itemprop="articleBody"`…),
/// inside headings and inside list items.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BlockHint {
    /// Byte offset of the line in [`HtmlText::text`].
    pub start: usize,
    /// Share of the line's characters inside `<a>`.
    pub link: f32,
    /// Share inside furniture containers.
    pub furniture: f32,
    /// Share inside article containers.
    pub article: f32,
    /// Share inside `<h1>`…`<h6>`.
    pub heading: f32,
    /// Share inside `<li>`.
    pub list_item: f32,
}

const BLOCK: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "option", "button", "label",
];
const DROP: &[&str] = &[
    "script", "style", "template", "svg", "head", "noscript", "iframe", "object", "embed", "canvas", "math", "select",
    "textarea", "audio", "video", "map",
];
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"];
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
const FURNITURE_TAGS: &[&str] = &["nav", "header", "footer", "aside", "form", "button", "label", "menu", "figcaption"];
const ARTICLE_TAGS: &[&str] = &["article", "main"];

fn furniture_attr() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?i-u)(nav|menu|footer|header|sidebar|comment|related|share|sharing|social|promo|newsletter|cookie|banner|breadcrumb|widget|subscri|signup|recommend|trending|popular|outbrain|taboola|advert|sponsor|masthead|toolbar|byline|caption|credit|tags|author|dateline|timestamp|paywall|modal|popup|teaser|more-|-more|ads?|ad-|-ad)")
            .expect("valid furniture attribute pattern")
    })
}

fn article_attr_pattern() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?i-u)(articlebody|article-body|article__body|article_body|story-body|storybody|story__body|post-content|postcontent|entry-content|post-body|postbody|article-content|article__content|articlecontent|story-content|body-text|bodytext|main-content|article-text|text-body)")
            .expect("valid article attribute pattern")
    })
}

/// An open element and what it says about the text inside it.
struct Open {
    name: String,
    furniture: bool,
    article: bool,
}

/// Builds the text line by line, with the hint of each line.
#[derive(Default)]
struct Builder {
    out: String,
    pending_space: bool,
    line_start: usize,
    // characters of the current line: all, in links, in furniture, in article, in headings, in list items
    counts: [u32; 6],
    raw_hints: Vec<(usize, usize, [u32; 6])>,
}

impl Builder {
    fn newline(&mut self) {
        let trimmed_len = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed_len);
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.end_line();
            self.out.push('\n');
            self.line_start = self.out.len();
        }
        self.pending_space = false;
    }

    fn end_line(&mut self) {
        if self.out.len() > self.line_start {
            self.raw_hints.push((self.line_start, self.out.len(), self.counts));
        }
        self.counts = [0; 6];
    }

    fn push_text(&mut self, s: &str, pre: bool, ctx: [bool; 5]) {
        for c in s.chars() {
            if pre && c == '\n' {
                self.newline();
                continue;
            }
            if c.is_whitespace() {
                self.pending_space = true;
            } else if c.is_control() {
                continue;
            } else {
                if self.pending_space && !self.out.is_empty() && !self.out.ends_with('\n') && !self.out.ends_with(' ') {
                    self.out.push(' ');
                }
                self.pending_space = false;
                self.out.push(c);
                self.counts[0] += 1;
                for (k, on) in ctx.iter().enumerate() {
                    if *on {
                        self.counts[k + 1] += 1;
                    }
                }
            }
        }
    }

    fn finish(mut self) -> HtmlText {
        self.end_line();
        let mut text = String::with_capacity(self.out.len());
        let mut hints = Vec::with_capacity(self.raw_hints.len());
        for (start, end, counts) in self.raw_hints {
            let line = self.out[start..end].trim();
            if line.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            let share = |k: usize| counts[k] as f32 / counts[0].max(1) as f32;
            hints.push(BlockHint { start: text.len(), link: share(1), furniture: share(2), article: share(3), heading: share(4), list_item: share(5) });
            text.push_str(line);
        }
        HtmlText { text, hints }
    }
}

/// Converts HTML to text.
///
/// ```
/// let t = precis::text::html_to_text("<h1>Title</h1><p>One &amp; two.<script>alert(1)</script></p><p>Three&nbsp;four</p>");
/// assert_eq!(t.text, "Title\nOne & two.\nThree four");
/// assert_eq!(t.hints.len(), 3);
/// assert_eq!(t.hints[0].heading, 1.0);
/// ```
pub fn html_to_text(html: &str) -> HtmlText {
    let mut builder = Builder { out: String::with_capacity(html.len() / 3), ..Builder::default() };
    let mut i = 0;
    let b = html.as_bytes();
    // stack of dropped elements: while non-empty, text is skipped
    let mut drop_stack: Vec<String> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let (mut furniture_depth, mut article_depth) = (0usize, 0usize);
    let (mut link_depth, mut heading_depth, mut li_depth, mut pre_depth) = (0usize, 0usize, 0usize, 0usize);
    while i < b.len() {
        if b[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
                continue;
            }
            if html[i..].starts_with("<!") || html[i..].starts_with("<?") {
                i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
                continue;
            }
            let Some(tag) = parse_tag(html, i) else {
                let ctx = [link_depth > 0, furniture_depth > 0, article_depth > 0, heading_depth > 0, li_depth > 0];
                builder.push_text("<", pre_depth > 0, ctx);
                i += 1;
                continue;
            };
            i = tag.end;
            let name = tag.name.as_str();
            if !drop_stack.is_empty() {
                if tag.closing && drop_stack.last().is_some_and(|n| n == name) {
                    drop_stack.pop();
                } else if !tag.closing && !tag.self_closing && !VOID.contains(&name) && drop_stack.last().is_some_and(|n| n == name) {
                    drop_stack.push(tag.name.clone());
                }
                continue;
            }
            if !tag.closing && RAW_TEXT.contains(&name) {
                // raw text: no tags inside, skip straight to the end tag
                let close = format!("</{name}");
                i = find_ascii_ci(html, i, &close).unwrap_or(b.len());
                i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
                continue;
            }
            if !tag.closing && !tag.self_closing && (DROP.contains(&name) || tag.hidden) && !VOID.contains(&name) {
                drop_stack.push(tag.name.clone());
                continue;
            }
            let depth = |d: &mut usize| {
                if tag.closing {
                    *d = d.saturating_sub(1);
                } else if !tag.self_closing {
                    *d += 1;
                }
            };
            match name {
                "pre" => depth(&mut pre_depth),
                "a" => depth(&mut link_depth),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => depth(&mut heading_depth),
                "li" => depth(&mut li_depth),
                _ => {}
            }
            if !VOID.contains(&name) && !tag.self_closing {
                if tag.closing {
                    // close up to the matching element, if it is open at all
                    if let Some(k) = open.iter().rposition(|o| o.name == name) {
                        for o in open.drain(k..) {
                            furniture_depth -= usize::from(o.furniture);
                            article_depth -= usize::from(o.article);
                        }
                    }
                } else if open.len() < 4096 {
                    let furniture = FURNITURE_TAGS.contains(&name) || tag.furniture_attr;
                    let article = ARTICLE_TAGS.contains(&name) || tag.article_attr;
                    furniture_depth += usize::from(furniture);
                    article_depth += usize::from(article);
                    open.push(Open { name: tag.name.clone(), furniture, article });
                }
            }
            if BLOCK.contains(&name) {
                builder.newline();
            }
            continue;
        }
        if !drop_stack.is_empty() {
            i += 1;
            while i < b.len() && b[i] != b'<' {
                i += 1;
            }
            continue;
        }
        let end = html[i..].find('<').map_or(b.len(), |e| i + e);
        let decoded = decode_entities(&html[i..end]);
        let ctx = [link_depth > 0, furniture_depth > 0, article_depth > 0, heading_depth > 0, li_depth > 0];
        builder.push_text(&decoded, pre_depth > 0, ctx);
        i = end;
    }
    builder.finish()
}

/// Byte position of `needle` (ASCII) in `hay` from `from`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (from..h.len().saturating_sub(n.len() - 1)).find(|&k| h[k..k + n.len()].eq_ignore_ascii_case(n))
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    hidden: bool,
    furniture_attr: bool,
    article_attr: bool,
    end: usize,
}

fn parse_tag(html: &str, start: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let mut i = start + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    if i == name_start || !b[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    // attributes: scan to the closing '>' outside quotes
    let attr_start = i;
    let mut quote: Option<u8> = None;
    while i < b.len() {
        match (quote, b[i]) {
            (None, b'"') | (None, b'\'') => quote = Some(b[i]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => break,
            _ => {}
        }
        i += 1;
    }
    let attrs = &html[attr_start..i.min(b.len())];
    let end = (i + 1).min(b.len());
    let self_closing = attrs.trim_end().ends_with('/');
    let lower = attrs.to_ascii_lowercase();
    let hidden = !closing
        && (has_bare_attr(&lower, "hidden")
            || lower.contains("aria-hidden=\"true\"")
            || lower.contains("aria-hidden='true'")
            || lower.replace(' ', "").contains("display:none")
            || lower.replace(' ', "").contains("visibility:hidden"));
    let (mut furniture_attr, mut article_attr) = (false, false);
    if !closing {
        for key in ["class", "id", "role", "itemprop"] {
            for value in attr_values(&lower, key) {
                furniture_attr |= furniture_attr_match(value);
                article_attr |= article_attr_pattern().is_match(value);
            }
        }
    }
    Some(Tag { name, closing, self_closing, hidden, furniture_attr, article_attr, end })
}

fn furniture_attr_match(value: &str) -> bool {
    // "role=navigation", class "site-nav", id "comments"; but not the article's own header
    furniture_attr().is_match(value) && !article_attr_pattern().is_match(value)
}

/// Values of attribute `key` in a lower-cased attribute string (usually one).
fn attr_values<'a>(attrs: &'a str, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    attrs.match_indices(key).filter_map(move |(at, _)| {
        let before = attrs[..at].chars().next_back();
        if before.is_some_and(|c| !c.is_whitespace()) {
            return None; // "data-id" is not "id"
        }
        let rest = attrs[at + key.len()..].trim_start().strip_prefix('=')?.trim_start();
        let (quote, body) = match rest.chars().next()? {
            q @ ('"' | '\'') => (Some(q), &rest[1..]),
            _ => (None, rest),
        };
        let end = match quote {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(body.len()),
        };
        Some(&body[..end])
    })
}

fn has_bare_attr(attrs: &str, name: &str) -> bool {
    attrs
        .split(|c: char| c.is_whitespace() || c == '/')
        .any(|a| a == name || a.starts_with(&format!("{name}=")))
}

/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2019;` and the common named ones).
///
/// ```
/// assert_eq!(precis::text::html::decode_entities("&ldquo;Hi&rdquo; &amp; &#8216;bye&#x2019;"), "“Hi” & ‘bye’");
/// ```
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|e| e + 1);
        let (body, has_semi) = match semi {
            Some(e) => (&rest[1..e], rest[e..].starts_with(';')),
            None => (&rest[1..], false),
        };
        let decoded = if let Some(num) = body.strip_prefix('#') {
            let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                num.parse::<u32>().ok()
            };
            code.map(|c| match c {
                0 => '\u{fffd}',
                0x80..=0x9f => cp1252(c),
                _ => char::from_u32(c).unwrap_or('\u{fffd}'),
            })
        } else {
            named_entity(body)
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[1 + body.len() + usize::from(has_semi)..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn cp1252(c: u32) -> char {
    match c {
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x96 => '–',
        0x97 => '—',
        0x85 => '…',
        _ => '\u{fffd}',
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "pound" => '£',
        "euro" => '€',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        "ecirc" => 'ê',
        "ocirc" => 'ô',
        "atilde" => 'ã',
        "otilde" => 'õ',
        "oslash" => 'ø',
        "aring" => 'å',
        "aelig" => 'æ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, &str)] = &[
            ("<p>a</p><p>b</p>", "a\nb"),
            ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
            ("a<br>b", "a\nb"),
            ("<p>x <b>bold</b> y</p>", "x bold y"),
            ("<p hidden>secret</p><p>shown</p>", "shown"),
            ("<div style=\"display: none\">gone</div>ok", "ok"),
            ("<style>p{color:red}</style>text", "text"),
            ("<script>if (a < b) {}</script>after", "after"),
            ("<svg><script>x</script><text>t</text></svg>after", "after"),
            ("<table><tr><td>a</td><td>b</td></tr></table>", "a\nb"),
            ("1 < 2 &and; 3", "1 < 2 &and; 3"),
            ("<!-- note --><p>kept</p>", "kept"),
            ("<a href=\"javascript:alert(1)\">link</a>", "link"),
            ("<img src=x onerror=alert(1)>caption", "caption"),
            ("caf&eacute; &#233; &#xe9;", "café é é"),
            ("unclosed <p", "unclosed"),
        ];
        for (html, want) in cases {
            assert_eq!(html_to_text(html).text, *want, "{html:?}");
        }
    }
}
