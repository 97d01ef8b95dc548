//! HTML (from the clipboard or a page) to plain text with the block structure kept.
//!
//! Nothing is executed or loaded: the markup is read as text by a small scanner.
//! Block elements (paragraphs, headings, list items, table cells, `<br>`) become line
//! breaks, `<script>`, `<style>`, `<template>`, `<svg>`, `<head>` and elements marked
//! `hidden`, `aria-hidden="true"` or `display:none` are dropped with their content,
//! and character references are decoded. The offsets of everything later refer to
//! the derived text.

/// The plain text derived from HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlText {
    /// Text with one block per line.
    pub text: String,
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

/// Converts HTML to text.
///
/// ```
/// let t = precis::text::html_to_text("<h1>Title</h1><p>One &amp; two.<script>alert(1)</script></p><p>Three&nbsp;four</p>");
/// assert_eq!(t.text, "Title\nOne & two.\nThree four");
/// ```
pub fn html_to_text(html: &str) -> HtmlText {
    let mut out = String::with_capacity(html.len() / 3);
    let mut i = 0;
    let b = html.as_bytes();
    // stack of dropped elements: while non-empty, text is skipped
    let mut drop_stack: Vec<String> = Vec::new();
    let mut pending_space = false;
    let mut pre_depth = 0usize;
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
                push_text(&mut out, "<", &mut pending_space, pre_depth > 0);
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
            if name == "pre" {
                pre_depth = if tag.closing { pre_depth.saturating_sub(1) } else { pre_depth + 1 };
            }
            if BLOCK.contains(&name) {
                newline(&mut out);
                pending_space = false;
            } else if name == "img" && !tag.closing {
                // alt text is not article text; skip
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
        push_text(&mut out, &decoded, &mut pending_space, pre_depth > 0);
        i = end;
    }
    let text = out.trim().lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    HtmlText { text }
}

/// Byte position of `needle` (ASCII) in `hay` from `from`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (from..h.len().saturating_sub(n.len() - 1)).find(|&k| h[k..k + n.len()].eq_ignore_ascii_case(n))
}

fn newline(out: &mut String) {
    let trimmed_len = out.trim_end_matches([' ', '\t']).len();
    out.truncate(trimmed_len);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn push_text(out: &mut String, s: &str, pending_space: &mut bool, pre: bool) {
    if pre {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' || c == '\u{a0}' {
            *pending_space = true;
        } else if c.is_control() {
            continue;
        } else {
            if *pending_space && !out.is_empty() && !out.ends_with('\n') && !out.ends_with(' ') {
                out.push(' ');
            }
            *pending_space = false;
            out.push(c);
        }
    }
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    hidden: bool,
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
    Some(Tag { name, closing, self_closing, hidden, end })
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
