//! HTML (from the clipboard or a page) to plain text with the block structure kept.
//!
//! Nothing is executed or loaded: the markup is read as text by a small scanner.
//! Block elements (paragraphs, headings, list items, table cells, `<br>`) become line
//! breaks, `<script>`, `<style>`, `<template>`, `<svg>`, `<head>` and elements marked
//! `hidden`, `aria-hidden="true"` or `display:none` are dropped with their content,
//! and character references are decoded. The offsets of everything later refer to
//! the derived text.
//!
//! Each line also gets a [`BlockHint`]: what the markup says about it, for the article
//! finder. Besides the containers around it (links, furniture, article, headings, list
//! items, figures), the page's element tree is summed up in the same single pass (each
//! element's text and link text, added to its parent when it closes) to find the main text
//! container as Readability does (paragraphs score their parent and grandparent; the best
//! score less its link share wins, with siblings scoring nearly as well), the heaviest
//! article container, and which marked container is nearest to each line. Linear in the
//! size of the HTML, whatever its nesting.

use crate::text::line_patterns::PhraseSet;

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
/// inside headings, list items and figures; and where the line stands in the page's
/// element tree (in the main text container, in the heaviest article container, under
/// furniture by its nearest marked container).
///
/// ```
/// let page = precis::text::html_to_text(
///     "<nav><a href=/>Home</a></nav><div><p>The story, told at length, with commas, in the page's main text.</p></div>",
/// );
/// let (menu, story) = (page.hints[0], page.hints[1]);
/// assert_eq!((menu.link, menu.furniture_near, menu.main), (1.0, 1.0, 0.0));
/// assert_eq!((story.link, story.furniture_near, story.main), (0.0, 0.0, 1.0));
/// ```
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
    /// Share inside figures and captions (`<figure>`, `<figcaption>`, a class or id that says
    /// caption or credit): text about a picture, which article bodies leave out.
    pub caption: f32,
    /// 1 when the line lies in the page's main text container, as Readability finds it: the
    /// element whose paragraphs (long lines, commas) score most, less its share of link text,
    /// with its siblings that score nearly as well.
    pub main: f32,
    /// Share of link text in the line's container (the parent of its block element).
    pub container_link: f32,
    /// 1 when the line lies in the article container with the most text.
    pub heaviest_article: f32,
    /// 1 when the line's nearest marked container is furniture, not the article (see
    /// [`BlockHint::furniture`], which counts any furniture container around).
    pub furniture_near: f32,
    /// Share of the page's characters in the main text container (the same for every line):
    /// tells how far [`BlockHint::main`] can be trusted.
    pub main_share: f32,
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
const CAPTION_TAGS: &[&str] = &["figure", "figcaption"];

/// Words in a class or id that mark a picture's caption or credit.
static CAPTION_ATTR: PhraseSet = PhraseSet::new(&[&[("caption", false), ("credit", false), ("figure", false)]]);

/// Words in a class, id, role or itemprop value that mark page furniture, matched anywhere
/// in the value ("site-nav", "comments", "role=navigation"), but "ad" and "ads" only as
/// words ("ad-slot", not "header" or "download").
static FURNITURE_ATTR: PhraseSet = PhraseSet::new(&[&[
    ("-more", false), ("ad-", false), ("advert", false), ("author", false), ("banner", false),
    ("breadcrumb", false), ("byline", false), ("caption", false), ("comment", false), ("complementary", false),
    ("contentinfo", false), ("cookie", false),
    ("credit", false), ("dateline", false), ("footer", false), ("header", false), ("masthead", false),
    ("menu", false), ("modal", false), ("more-", false), ("nav", false), ("newsletter", false), ("outbrain", false),
    ("paywall", false), ("popular", false), ("popup", false), ("promo", false), ("recommend", false),
    ("related", false), ("share", false), ("sharing", false), ("sidebar", false), ("signup", false),
    ("social", false), ("sponsor", false), ("subscri", false), ("taboola", false), ("tags", false),
    ("teaser", false), ("timestamp", false), ("toolbar", false), ("trending", false), ("widget", false),
]]);

/// Words in an attribute value that mark the article's own text ("article-body", "entry-content").
static ARTICLE_ATTR: PhraseSet = PhraseSet::new(&[&[
    ("article-body", false), ("article-content", false), ("article-text", false), ("article__body", false),
    ("article__content", false), ("article_body", false), ("articlebody", false), ("articlecontent", false),
    ("body-text", false), ("bodytext", false), ("entry-content", false), ("main-content", false),
    ("post-body", false), ("post-content", false), ("postbody", false), ("postcontent", false),
    ("story-body", false), ("story-content", false), ("story__body", false), ("storybody", false),
    ("text-body", false),
]]);

/// An open element and what it says about the text inside it.
struct Open {
    name: String,
    furniture: bool,
    article: bool,
    caption: bool,
    /// Its index in [`Tree::nodes`].
    node: usize,
    /// The innermost block element around it (itself if it is one), an index in [`Tree::nodes`].
    block: usize,
}

/// What is known of each element by the end of the page, for Readability's choice of the
/// main text container. Nodes are numbered in document order (node 0 is the page itself), so
/// an element's descendants are the nodes from it to its `last`.
struct Node {
    parent: usize,
    last: usize,
    /// Characters of text in the element and its descendants, and those in links.
    text: u32,
    link: u32,
    /// Whether it is an article container (`<article>`, `<main>`, a class saying article body).
    article: bool,
    /// Whether it is a furniture container (`<nav>`, `<footer>`, a class saying menu or share…).
    furniture: bool,
    /// Readability's content score: paragraphs' weight given to their parent and grandparent.
    score: f32,
    /// What its tag and class add to the score once it has any (a `<div>` a little, a class
    /// that says comments or menu takes much away).
    bonus: f32,
}

struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    fn new() -> Tree {
        Tree { nodes: vec![Node { parent: 0, last: 0, text: 0, link: 0, article: false, furniture: false, score: 0.0, bonus: 0.0 }] }
    }

    fn open(&mut self, parent: usize, article: bool, furniture: bool, bonus: f32) -> usize {
        self.nodes.push(Node { parent, last: 0, text: 0, link: 0, article, furniture, score: 0.0, bonus });
        self.nodes.len() - 1
    }

    /// Closes `node`: its descendants are all numbered, and its text sums go to its parent.
    fn close(&mut self, node: usize) {
        self.nodes[node].last = self.nodes.len() - 1;
        let (text, link, parent) = (self.nodes[node].text, self.nodes[node].link, self.nodes[node].parent);
        if parent != node {
            self.nodes[parent].text += text;
            self.nodes[parent].link += link;
        }
    }

    /// A paragraph of `chars` characters with `commas` commas in block element `block`:
    /// Readability's weight, to the block's parent in full, its grandparent by half and the
    /// next ancestor by a sixth.
    fn score_paragraph(&mut self, block: usize, chars: u32, commas: u32) {
        if chars < 25 || block == 0 {
            return;
        }
        let weight = 1.0 + commas as f32 + (chars / 100).min(3) as f32;
        let mut at = self.nodes[block].parent;
        for share in [1.0, 0.5, 1.0 / 6.0] {
            self.nodes[at].score += weight * share;
            if at == 0 {
                break;
            }
            at = self.nodes[at].parent;
        }
    }

    /// The article container with the most text, as a (first, last) node range: on a page
    /// whose teasers are `<article>` elements too, the story's own.
    fn heaviest_article(&self) -> Option<(usize, usize)> {
        let k = (1..self.nodes.len()).filter(|&k| self.nodes[k].article).max_by_key(|&k| (self.nodes[k].text, std::cmp::Reverse(k)))?;
        Some((k, self.nodes[k].last.max(k)))
    }

    /// Whether the text of each node is furniture by its nearest marked container: a
    /// furniture container, unless an article container lies nearer. A container holding
    /// half the page or more, or the main text (`main`, from [`Tree::main_ranges`]), is a
    /// layout wrapper ("page-with-sidebar"), not furniture.
    fn furniture_by_nearest(&self, main: &[(usize, usize)]) -> Vec<bool> {
        let mut furniture = vec![false; self.nodes.len()];
        // parents come before their children
        for k in 1..self.nodes.len() {
            let node = &self.nodes[k];
            furniture[k] = if node.furniture && !self.is_layout(k, main) {
                true
            } else if node.article {
                false
            } else {
                furniture[node.parent]
            };
        }
        furniture
    }

    /// Whether node `k` holds the start of the main text (`main`, from [`Tree::main_ranges`]):
    /// then it is a layout wrapper rather than what its marks say (furniture, a caption), as a
    /// `<body>` whose class names every feature of the site is.
    fn holds_main(&self, k: usize, main: &[(usize, usize)]) -> bool {
        let last = self.nodes[k].last.max(k);
        main.get(main.partition_point(|&(first, _)| first < k)).is_some_and(|&(first, _)| first <= last)
    }

    /// Whether node `k` is a layout wrapper ([`Tree::holds_main`]) or holds half the page or more.
    fn is_layout(&self, k: usize, main: &[(usize, usize)]) -> bool {
        self.nodes[k].text >= (self.nodes[0].text / 2).max(1) || self.holds_main(k, main)
    }

    /// Which nodes hold the main text: the best-scoring node after link density, with its
    /// siblings scoring at least a fifth as well; as (first, last) node ranges.
    fn main_ranges(&self) -> Vec<(usize, usize)> {
        let adjusted = |n: &Node| (n.score + n.bonus) * (1.0 - n.link as f32 / n.text.max(1) as f32);
        let Some(top) = (1..self.nodes.len()).filter(|&k| self.nodes[k].score > 0.0).max_by(|&a, &b| adjusted(&self.nodes[a]).total_cmp(&adjusted(&self.nodes[b]))) else {
            return Vec::new();
        };
        let best = adjusted(&self.nodes[top]);
        let parent = self.nodes[top].parent;
        let threshold = (best * 0.2).max(10.0);
        // siblings: the parent's children are the nodes from parent+1 on, skipping each one's subtree
        let mut ranges = Vec::new();
        if parent == 0 || parent == top {
            ranges.push((top, self.nodes[top].last));
            return ranges;
        }
        let mut k = parent + 1;
        while k <= self.nodes[parent].last && k < self.nodes.len() {
            let last = self.nodes[k].last.max(k);
            if k == top || (self.nodes[k].score > 0.0 && adjusted(&self.nodes[k]) >= threshold) {
                ranges.push((k, last));
            }
            k = last + 1;
        }
        ranges
    }
}

/// Where a line's first character stands in the element tree.
#[derive(Clone, Copy, Default)]
struct LineAt {
    /// The innermost element, and the parent of the innermost block element (the container).
    node: usize,
    block: usize,
    container: usize,
    /// The innermost figure or caption container around it (0 if none).
    caption: usize,
}

/// Builds the text line by line, with the hint of each line.
#[derive(Default)]
struct Builder {
    out: String,
    pending_space: bool,
    line_start: usize,
    // characters of the current line: all, in links, in furniture, in article, in headings, in
    // list items, in captions
    counts: [u32; 7],
    commas: u32,
    line_at: LineAt,
    /// The innermost caption container of the line's first caption character (0 if none).
    caption_node: usize,
    raw_hints: Vec<RawLine>,
}

/// A line as built, before trimming: its byte range in `Builder::out`, its counts, where it stands.
struct RawLine {
    start: usize,
    end: usize,
    counts: [u32; 7],
    commas: u32,
    at: LineAt,
    caption_node: usize,
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
            self.raw_hints.push(RawLine { start: self.line_start, end: self.out.len(), counts: self.counts, commas: self.commas, at: self.line_at, caption_node: self.caption_node });
        }
        self.counts = [0; 7];
        self.commas = 0;
        self.caption_node = 0;
    }

    /// Adds text standing at `at` in the element tree; returns how many characters it added.
    fn push_text(&mut self, s: &str, pre: bool, ctx: [bool; 6], at: LineAt) -> u32 {
        let mut added = 0;
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
                if self.counts[0] == 0 {
                    self.line_at = at;
                }
                added += 1;
                self.counts[0] += 1;
                self.commas += u32::from(c == ',');
                if ctx[5] && self.counts[6] == 0 {
                    self.caption_node = at.caption;
                }
                for (k, on) in ctx.iter().enumerate() {
                    if *on {
                        self.counts[k + 1] += 1;
                    }
                }
            }
        }
        added
    }

    fn finish(mut self, mut tree: Tree) -> HtmlText {
        self.end_line();
        for line in &self.raw_hints {
            tree.score_paragraph(line.at.block, line.counts[0], line.commas);
        }
        let main = tree.main_ranges();
        let heaviest_article = tree.heaviest_article();
        let furniture_near = tree.furniture_by_nearest(&main);
        let page_chars = tree.nodes[0].text.max(1) as f32;
        let main_share = main.iter().map(|&(first, _)| tree.nodes[first].text as f32).sum::<f32>() / page_chars;
        // ranges are sorted and disjoint: find the last one starting at or before the node
        let in_main = |node: usize| {
            let k = main.partition_point(|&(first, _)| first <= node);
            k > 0 && node <= main[k - 1].1
        };
        let mut text = String::with_capacity(self.out.len());
        let mut hints = Vec::with_capacity(self.raw_hints.len());
        for raw in &self.raw_hints {
            let line = self.out[raw.start..raw.end].trim();
            if line.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            let counts = raw.counts;
            let share = |k: usize| counts[k] as f32 / counts[0].max(1) as f32;
            let container = &tree.nodes[raw.at.container];
            hints.push(BlockHint {
                start: text.len(),
                link: share(1),
                furniture: share(2),
                article: share(3),
                heading: share(4),
                list_item: share(5),
                // a caption container that is a layout wrapper says nothing of its lines
                caption: if tree.holds_main(raw.caption_node, &main) { 0.0 } else { share(6) },
                main: if in_main(raw.at.node) { 1.0 } else { 0.0 },
                container_link: container.link as f32 / container.text.max(1) as f32,
                furniture_near: if furniture_near[raw.at.node] { 1.0 } else { 0.0 },
                heaviest_article: match heaviest_article {
                    Some((first, last)) if (first..=last).contains(&raw.at.node) => 1.0,
                    _ => 0.0,
                },
                main_share,
            });
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
    let mut tree = Tree::new();
    let (mut furniture_depth, mut article_depth) = (0usize, 0usize);
    // the open figure and caption containers, innermost last
    let mut captions: Vec<usize> = Vec::new();
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
                let ctx = [link_depth > 0, furniture_depth > 0, article_depth > 0, heading_depth > 0, li_depth > 0, !captions.is_empty()];
                add_text(&mut builder, &mut tree, &open, &captions, "<", pre_depth > 0, ctx);
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
                        // innermost first: a child's text sums reach its parent before the parent closes
                        for o in open.drain(k..).rev() {
                            furniture_depth -= usize::from(o.furniture);
                            article_depth -= usize::from(o.article);
                            if o.caption {
                                captions.pop();
                            }
                            tree.close(o.node);
                        }
                    }
                } else if open.len() < 4096 {
                    let furniture = FURNITURE_TAGS.contains(&name) || tag.furniture_attr;
                    let article = ARTICLE_TAGS.contains(&name) || tag.article_attr;
                    furniture_depth += usize::from(furniture);
                    article_depth += usize::from(article);
                    let caption = CAPTION_TAGS.contains(&name) || tag.caption_attr;
                    let (parent, parent_block) = open.last().map_or((0, 0), |o| (o.node, o.block));
                    let node = tree.open(parent, article, furniture, readability_bonus(name, tag.furniture_attr, tag.article_attr));
                    if caption {
                        captions.push(node);
                    }
                    let block = if BLOCK.contains(&name) { node } else { parent_block };
                    open.push(Open { name: tag.name.clone(), furniture, article, caption, node, block });
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
        let ctx = [link_depth > 0, furniture_depth > 0, article_depth > 0, heading_depth > 0, li_depth > 0, !captions.is_empty()];
        add_text(&mut builder, &mut tree, &open, &captions, &decoded, pre_depth > 0, ctx);
        i = end;
    }
    while let Some(o) = open.pop() {
        tree.close(o.node);
    }
    tree.close(0);
    builder.finish(tree)
}

/// Adds text `s` (in `<pre>` when `pre`; inside link, furniture, article, heading, list item
/// and caption by `ctx`) to the text, standing where the innermost `open` element is, and
/// counts its characters, and its link characters, to that element in the tree.
fn add_text(builder: &mut Builder, tree: &mut Tree, open: &[Open], captions: &[usize], s: &str, pre: bool, ctx: [bool; 6]) {
    let (node, block) = open.last().map_or((0, 0), |o| (o.node, o.block));
    let caption = captions.last().copied().unwrap_or(0);
    let added = builder.push_text(s, pre, ctx, LineAt { node, block, container: tree.nodes[block].parent, caption });
    tree.nodes[node].text += added;
    if ctx[0] {
        tree.nodes[node].link += added;
    }
}

/// What Readability adds to an element's content score for its tag and its class or id.
fn readability_bonus(name: &str, furniture_attr: bool, article_attr: bool) -> f32 {
    let tag = match name {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let class = if article_attr { 25.0 } else if furniture_attr { -25.0 } else { 0.0 };
    tag + class
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
    caption_attr: bool,
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
    // "<br/>", "<img src=x />"; but in "<a href=/>" the slash is the attribute's value
    let self_closing = attrs.trim_end().strip_suffix('/').is_some_and(|a| a.is_empty() || a.ends_with([' ', '\t', '\n', '"', '\'']));
    let lower = attrs.to_ascii_lowercase();
    let hidden = !closing
        && (has_bare_attr(&lower, "hidden")
            || lower.contains("aria-hidden=\"true\"")
            || lower.contains("aria-hidden='true'")
            || lower.replace(' ', "").contains("display:none")
            || lower.replace(' ', "").contains("visibility:hidden"));
    let (mut furniture_attr, mut article_attr, mut caption_attr) = (false, false, false);
    if !closing {
        for key in ["class", "id", "role", "itemprop"] {
            for value in attr_values(&lower, key) {
                furniture_attr |= furniture_attr_match(value);
                article_attr |= ARTICLE_ATTR.occurs_in(value);
                caption_attr |= key != "role" && CAPTION_ATTR.occurs_in(value);
            }
        }
    }
    Some(Tag { name, closing, self_closing, hidden, furniture_attr, article_attr, caption_attr, end })
}

fn furniture_attr_match(value: &str) -> bool {
    // "role=navigation", class "site-nav", id "comments"; but not the article's own header
    FURNITURE_ATTR.occurs_in(value) && !ARTICLE_ATTR.occurs_in(value)
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
            named_entity(body, has_semi)
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

/// Named character references: the HTML 4 set (Latin-1, Greek, symbols and arrows) and
/// the HTML5 names for ASCII, Latin Extended-A, general punctuation and currency signs;
/// 470 of HTML5's 2,231 names, about 10 KB in the binary instead of about 40 KB. The rest
/// (mathematical operators under many aliases, multi-character references) hardly occurs
/// in news text and is left as written. Sorted by name for binary search; the flag marks
/// the legacy names HTML5 still decodes without a closing `;`.
const NAMED: &[(&str, char, bool)] = &[
    ("AElig", '\u{c6}', true), ("AMP", '\u{26}', true), ("Aacute", '\u{c1}', true), ("Abreve", '\u{102}', false),
    ("Acirc", '\u{c2}', true), ("Agrave", '\u{c0}', true), ("Alpha", '\u{391}', false), ("Amacr", '\u{100}', false),
    ("Aogon", '\u{104}', false), ("ApplyFunction", '\u{2061}', false), ("Aring", '\u{c5}', true),
    ("Atilde", '\u{c3}', true), ("Auml", '\u{c4}', true), ("Beta", '\u{392}', false), ("COPY", '\u{a9}', true),
    ("Cacute", '\u{106}', false), ("Ccaron", '\u{10c}', false), ("Ccedil", '\u{c7}', true),
    ("Ccirc", '\u{108}', false), ("Cdot", '\u{10a}', false), ("Cedilla", '\u{b8}', false),
    ("CenterDot", '\u{b7}', false), ("Chi", '\u{3a7}', false), ("CloseCurlyDoubleQuote", '\u{201d}', false),
    ("CloseCurlyQuote", '\u{2019}', false), ("Dagger", '\u{2021}', false), ("Dcaron", '\u{10e}', false),
    ("Delta", '\u{394}', false), ("DiacriticalAcute", '\u{b4}', false), ("DiacriticalGrave", '\u{60}', false),
    ("Dot", '\u{a8}', false), ("DoubleDot", '\u{a8}', false), ("Dstrok", '\u{110}', false),
    ("ENG", '\u{14a}', false), ("ETH", '\u{d0}', true), ("Eacute", '\u{c9}', true), ("Ecaron", '\u{11a}', false),
    ("Ecirc", '\u{ca}', true), ("Edot", '\u{116}', false), ("Egrave", '\u{c8}', true), ("Emacr", '\u{112}', false),
    ("Eogon", '\u{118}', false), ("Epsilon", '\u{395}', false), ("Eta", '\u{397}', false), ("Euml", '\u{cb}', true),
    ("GT", '\u{3e}', true), ("Gamma", '\u{393}', false), ("Gbreve", '\u{11e}', false), ("Gcedil", '\u{122}', false),
    ("Gcirc", '\u{11c}', false), ("Gdot", '\u{120}', false), ("Hat", '\u{5e}', false), ("Hcirc", '\u{124}', false),
    ("Hstrok", '\u{126}', false), ("IJlig", '\u{132}', false), ("Iacute", '\u{cd}', true), ("Icirc", '\u{ce}', true),
    ("Idot", '\u{130}', false), ("Igrave", '\u{cc}', true), ("Imacr", '\u{12a}', false),
    ("InvisibleComma", '\u{2063}', false), ("InvisibleTimes", '\u{2062}', false), ("Iogon", '\u{12e}', false),
    ("Iota", '\u{399}', false), ("Itilde", '\u{128}', false), ("Iuml", '\u{cf}', true), ("Jcirc", '\u{134}', false),
    ("Kappa", '\u{39a}', false), ("Kcedil", '\u{136}', false), ("LT", '\u{3c}', true), ("Lacute", '\u{139}', false),
    ("Lambda", '\u{39b}', false), ("Lcaron", '\u{13d}', false), ("Lcedil", '\u{13b}', false),
    ("Lmidot", '\u{13f}', false), ("Lstrok", '\u{141}', false), ("MediumSpace", '\u{205f}', false),
    ("Mu", '\u{39c}', false), ("Nacute", '\u{143}', false), ("Ncaron", '\u{147}', false),
    ("Ncedil", '\u{145}', false), ("NegativeMediumSpace", '\u{200b}', false),
    ("NegativeThickSpace", '\u{200b}', false), ("NegativeThinSpace", '\u{200b}', false),
    ("NegativeVeryThinSpace", '\u{200b}', false), ("NoBreak", '\u{2060}', false),
    ("NonBreakingSpace", '\u{a0}', false), ("Ntilde", '\u{d1}', true), ("Nu", '\u{39d}', false),
    ("OElig", '\u{152}', false), ("Oacute", '\u{d3}', true), ("Ocirc", '\u{d4}', true), ("Odblac", '\u{150}', false),
    ("Ograve", '\u{d2}', true), ("Omacr", '\u{14c}', false), ("Omega", '\u{3a9}', false),
    ("Omicron", '\u{39f}', false), ("OpenCurlyDoubleQuote", '\u{201c}', false),
    ("OpenCurlyQuote", '\u{2018}', false), ("Oslash", '\u{d8}', true), ("Otilde", '\u{d5}', true),
    ("Ouml", '\u{d6}', true), ("OverBar", '\u{203e}', false), ("Phi", '\u{3a6}', false), ("Pi", '\u{3a0}', false),
    ("PlusMinus", '\u{b1}', false), ("Prime", '\u{2033}', false), ("Psi", '\u{3a8}', false),
    ("QUOT", '\u{22}', true), ("REG", '\u{ae}', true), ("Racute", '\u{154}', false), ("Rcaron", '\u{158}', false),
    ("Rcedil", '\u{156}', false), ("Rho", '\u{3a1}', false), ("Sacute", '\u{15a}', false),
    ("Scaron", '\u{160}', false), ("Scedil", '\u{15e}', false), ("Scirc", '\u{15c}', false),
    ("Sigma", '\u{3a3}', false), ("THORN", '\u{de}', true), ("Tau", '\u{3a4}', false), ("Tcaron", '\u{164}', false),
    ("Tcedil", '\u{162}', false), ("Theta", '\u{398}', false), ("ThinSpace", '\u{2009}', false),
    ("Tstrok", '\u{166}', false), ("Uacute", '\u{da}', true), ("Ubreve", '\u{16c}', false),
    ("Ucirc", '\u{db}', true), ("Udblac", '\u{170}', false), ("Ugrave", '\u{d9}', true), ("Umacr", '\u{16a}', false),
    ("UnderBar", '\u{5f}', false), ("Uogon", '\u{172}', false), ("Upsilon", '\u{3a5}', false),
    ("Uring", '\u{16e}', false), ("Utilde", '\u{168}', false), ("Uuml", '\u{dc}', true),
    ("Verbar", '\u{2016}', false), ("Vert", '\u{2016}', false), ("VerticalLine", '\u{7c}', false),
    ("VeryThinSpace", '\u{200a}', false), ("Wcirc", '\u{174}', false), ("Xi", '\u{39e}', false),
    ("Yacute", '\u{dd}', true), ("Ycirc", '\u{176}', false), ("Yuml", '\u{178}', false),
    ("Zacute", '\u{179}', false), ("Zcaron", '\u{17d}', false), ("Zdot", '\u{17b}', false),
    ("ZeroWidthSpace", '\u{200b}', false), ("Zeta", '\u{396}', false), ("aacute", '\u{e1}', true),
    ("abreve", '\u{103}', false), ("acirc", '\u{e2}', true), ("acute", '\u{b4}', true), ("aelig", '\u{e6}', true),
    ("af", '\u{2061}', false), ("agrave", '\u{e0}', true), ("alefsym", '\u{2135}', false),
    ("alpha", '\u{3b1}', false), ("amacr", '\u{101}', false), ("amp", '\u{26}', true), ("and", '\u{2227}', false),
    ("ang", '\u{2220}', false), ("angst", '\u{c5}', false), ("aogon", '\u{105}', false), ("apos", '\u{27}', false),
    ("aring", '\u{e5}', true), ("ast", '\u{2a}', false), ("asymp", '\u{2248}', false), ("atilde", '\u{e3}', true),
    ("auml", '\u{e4}', true), ("backprime", '\u{2035}', false), ("bdquo", '\u{201e}', false),
    ("beta", '\u{3b2}', false), ("bprime", '\u{2035}', false), ("brvbar", '\u{a6}', true),
    ("bsemi", '\u{204f}', false), ("bsol", '\u{5c}', false), ("bull", '\u{2022}', false),
    ("bullet", '\u{2022}', false), ("cacute", '\u{107}', false), ("cap", '\u{2229}', false),
    ("caret", '\u{2041}', false), ("ccaron", '\u{10d}', false), ("ccedil", '\u{e7}', true),
    ("ccirc", '\u{109}', false), ("cdot", '\u{10b}', false), ("cedil", '\u{b8}', true), ("cent", '\u{a2}', true),
    ("centerdot", '\u{b7}', false), ("chi", '\u{3c7}', false), ("circ", '\u{2c6}', false),
    ("circledR", '\u{ae}', false), ("clubs", '\u{2663}', false), ("colon", '\u{3a}', false),
    ("comma", '\u{2c}', false), ("commat", '\u{40}', false), ("cong", '\u{2245}', false), ("copy", '\u{a9}', true),
    ("crarr", '\u{21b5}', false), ("cup", '\u{222a}', false), ("curren", '\u{a4}', true),
    ("dArr", '\u{21d3}', false), ("dagger", '\u{2020}', false), ("darr", '\u{2193}', false),
    ("dash", '\u{2010}', false), ("dcaron", '\u{10f}', false), ("ddagger", '\u{2021}', false),
    ("deg", '\u{b0}', true), ("delta", '\u{3b4}', false), ("diams", '\u{2666}', false), ("die", '\u{a8}', false),
    ("div", '\u{f7}', false), ("divide", '\u{f7}', true), ("dollar", '\u{24}', false), ("dstrok", '\u{111}', false),
    ("eacute", '\u{e9}', true), ("ecaron", '\u{11b}', false), ("ecirc", '\u{ea}', true), ("edot", '\u{117}', false),
    ("egrave", '\u{e8}', true), ("emacr", '\u{113}', false), ("empty", '\u{2205}', false),
    ("emsp", '\u{2003}', false), ("emsp13", '\u{2004}', false), ("emsp14", '\u{2005}', false),
    ("eng", '\u{14b}', false), ("ensp", '\u{2002}', false), ("eogon", '\u{119}', false),
    ("epsilon", '\u{3b5}', false), ("equals", '\u{3d}', false), ("equiv", '\u{2261}', false),
    ("eta", '\u{3b7}', false), ("eth", '\u{f0}', true), ("euml", '\u{eb}', true), ("euro", '\u{20ac}', false),
    ("excl", '\u{21}', false), ("exist", '\u{2203}', false), ("fnof", '\u{192}', false),
    ("forall", '\u{2200}', false), ("frac12", '\u{bd}', true), ("frac14", '\u{bc}', true),
    ("frac34", '\u{be}', true), ("frasl", '\u{2044}', false), ("gamma", '\u{3b3}', false),
    ("gbreve", '\u{11f}', false), ("gcirc", '\u{11d}', false), ("gdot", '\u{121}', false), ("ge", '\u{2265}', false),
    ("grave", '\u{60}', false), ("gt", '\u{3e}', true), ("hArr", '\u{21d4}', false), ("hairsp", '\u{200a}', false),
    ("half", '\u{bd}', false), ("harr", '\u{2194}', false), ("hcirc", '\u{125}', false),
    ("hearts", '\u{2665}', false), ("hellip", '\u{2026}', false), ("horbar", '\u{2015}', false),
    ("hstrok", '\u{127}', false), ("hybull", '\u{2043}', false), ("hyphen", '\u{2010}', false),
    ("iacute", '\u{ed}', true), ("ic", '\u{2063}', false), ("icirc", '\u{ee}', true), ("iexcl", '\u{a1}', true),
    ("igrave", '\u{ec}', true), ("ijlig", '\u{133}', false), ("imacr", '\u{12b}', false),
    ("image", '\u{2111}', false), ("imath", '\u{131}', false), ("infin", '\u{221e}', false),
    ("inodot", '\u{131}', false), ("int", '\u{222b}', false), ("iogon", '\u{12f}', false),
    ("iota", '\u{3b9}', false), ("iquest", '\u{bf}', true), ("isin", '\u{2208}', false), ("it", '\u{2062}', false),
    ("itilde", '\u{129}', false), ("iuml", '\u{ef}', true), ("jcirc", '\u{135}', false), ("kappa", '\u{3ba}', false),
    ("kcedil", '\u{137}', false), ("kgreen", '\u{138}', false), ("lArr", '\u{21d0}', false),
    ("lacute", '\u{13a}', false), ("lambda", '\u{3bb}', false), ("lang", '\u{27e8}', false),
    ("laquo", '\u{ab}', true), ("larr", '\u{2190}', false), ("lbrace", '\u{7b}', false), ("lbrack", '\u{5b}', false),
    ("lcaron", '\u{13e}', false), ("lcedil", '\u{13c}', false), ("lceil", '\u{2308}', false),
    ("lcub", '\u{7b}', false), ("ldquo", '\u{201c}', false), ("ldquor", '\u{201e}', false),
    ("le", '\u{2264}', false), ("lfloor", '\u{230a}', false), ("lmidot", '\u{140}', false),
    ("lowast", '\u{2217}', false), ("lowbar", '\u{5f}', false), ("loz", '\u{25ca}', false),
    ("lpar", '\u{28}', false), ("lrm", '\u{200e}', false), ("lsaquo", '\u{2039}', false), ("lsqb", '\u{5b}', false),
    ("lsquo", '\u{2018}', false), ("lsquor", '\u{201a}', false), ("lstrok", '\u{142}', false),
    ("lt", '\u{3c}', true), ("macr", '\u{af}', true), ("mdash", '\u{2014}', false), ("micro", '\u{b5}', true),
    ("midast", '\u{2a}', false), ("middot", '\u{b7}', true), ("minus", '\u{2212}', false),
    ("mldr", '\u{2026}', false), ("mu", '\u{3bc}', false), ("nabla", '\u{2207}', false),
    ("nacute", '\u{144}', false), ("napos", '\u{149}', false), ("nbsp", '\u{a0}', true),
    ("ncaron", '\u{148}', false), ("ncedil", '\u{146}', false), ("ndash", '\u{2013}', false),
    ("ne", '\u{2260}', false), ("ni", '\u{220b}', false), ("nldr", '\u{2025}', false), ("not", '\u{ac}', true),
    ("notin", '\u{2209}', false), ("nsub", '\u{2284}', false), ("ntilde", '\u{f1}', true), ("nu", '\u{3bd}', false),
    ("num", '\u{23}', false), ("numsp", '\u{2007}', false), ("oacute", '\u{f3}', true), ("ocirc", '\u{f4}', true),
    ("odblac", '\u{151}', false), ("oelig", '\u{153}', false), ("ograve", '\u{f2}', true),
    ("oline", '\u{203e}', false), ("omacr", '\u{14d}', false), ("omega", '\u{3c9}', false),
    ("omicron", '\u{3bf}', false), ("oplus", '\u{2295}', false), ("or", '\u{2228}', false), ("ordf", '\u{aa}', true),
    ("ordm", '\u{ba}', true), ("oslash", '\u{f8}', true), ("otilde", '\u{f5}', true), ("otimes", '\u{2297}', false),
    ("ouml", '\u{f6}', true), ("para", '\u{b6}', true), ("part", '\u{2202}', false), ("percnt", '\u{25}', false),
    ("period", '\u{2e}', false), ("permil", '\u{2030}', false), ("perp", '\u{22a5}', false),
    ("pertenk", '\u{2031}', false), ("phi", '\u{3c6}', false), ("pi", '\u{3c0}', false), ("piv", '\u{3d6}', false),
    ("plus", '\u{2b}', false), ("plusmn", '\u{b1}', true), ("pm", '\u{b1}', false), ("pound", '\u{a3}', true),
    ("prime", '\u{2032}', false), ("prod", '\u{220f}', false), ("prop", '\u{221d}', false),
    ("psi", '\u{3c8}', false), ("puncsp", '\u{2008}', false), ("qprime", '\u{2057}', false),
    ("quest", '\u{3f}', false), ("quot", '\u{22}', true), ("rArr", '\u{21d2}', false), ("racute", '\u{155}', false),
    ("radic", '\u{221a}', false), ("rang", '\u{27e9}', false), ("raquo", '\u{bb}', true),
    ("rarr", '\u{2192}', false), ("rbrace", '\u{7d}', false), ("rbrack", '\u{5d}', false),
    ("rcaron", '\u{159}', false), ("rcedil", '\u{157}', false), ("rceil", '\u{2309}', false),
    ("rcub", '\u{7d}', false), ("rdquo", '\u{201d}', false), ("rdquor", '\u{201d}', false),
    ("real", '\u{211c}', false), ("reg", '\u{ae}', true), ("rfloor", '\u{230b}', false), ("rho", '\u{3c1}', false),
    ("rlm", '\u{200f}', false), ("rpar", '\u{29}', false), ("rsaquo", '\u{203a}', false), ("rsqb", '\u{5d}', false),
    ("rsquo", '\u{2019}', false), ("rsquor", '\u{2019}', false), ("sacute", '\u{15b}', false),
    ("sbquo", '\u{201a}', false), ("scaron", '\u{161}', false), ("scedil", '\u{15f}', false),
    ("scirc", '\u{15d}', false), ("sdot", '\u{22c5}', false), ("sect", '\u{a7}', true), ("semi", '\u{3b}', false),
    ("shy", '\u{ad}', true), ("sigma", '\u{3c3}', false), ("sigmaf", '\u{3c2}', false), ("sim", '\u{223c}', false),
    ("sol", '\u{2f}', false), ("spades", '\u{2660}', false), ("strns", '\u{af}', false), ("sub", '\u{2282}', false),
    ("sube", '\u{2286}', false), ("sum", '\u{2211}', false), ("sup", '\u{2283}', false), ("sup1", '\u{b9}', true),
    ("sup2", '\u{b2}', true), ("sup3", '\u{b3}', true), ("supe", '\u{2287}', false), ("szlig", '\u{df}', true),
    ("tau", '\u{3c4}', false), ("tcaron", '\u{165}', false), ("tcedil", '\u{163}', false),
    ("there4", '\u{2234}', false), ("theta", '\u{3b8}', false), ("thetasym", '\u{3d1}', false),
    ("thinsp", '\u{2009}', false), ("thorn", '\u{fe}', true), ("tilde", '\u{2dc}', false), ("times", '\u{d7}', true),
    ("tprime", '\u{2034}', false), ("trade", '\u{2122}', false), ("tstrok", '\u{167}', false),
    ("uArr", '\u{21d1}', false), ("uacute", '\u{fa}', true), ("uarr", '\u{2191}', false),
    ("ubreve", '\u{16d}', false), ("ucirc", '\u{fb}', true), ("udblac", '\u{171}', false),
    ("ugrave", '\u{f9}', true), ("umacr", '\u{16b}', false), ("uml", '\u{a8}', true), ("uogon", '\u{173}', false),
    ("upsih", '\u{3d2}', false), ("upsilon", '\u{3c5}', false), ("uring", '\u{16f}', false),
    ("utilde", '\u{169}', false), ("uuml", '\u{fc}', true), ("verbar", '\u{7c}', false), ("vert", '\u{7c}', false),
    ("wcirc", '\u{175}', false), ("weierp", '\u{2118}', false), ("xi", '\u{3be}', false), ("yacute", '\u{fd}', true),
    ("ycirc", '\u{177}', false), ("yen", '\u{a5}', true), ("yuml", '\u{ff}', true), ("zacute", '\u{17a}', false),
    ("zcaron", '\u{17e}', false), ("zdot", '\u{17c}', false), ("zeta", '\u{3b6}', false), ("zwj", '\u{200d}', false),
    ("zwnj", '\u{200c}', false),
];

fn named_entity(name: &str, has_semi: bool) -> Option<char> {
    let k = NAMED.binary_search_by(|(n, _, _)| n.as_bytes().cmp(name.as_bytes())).ok()?;
    let (_, c, legacy) = NAMED[k];
    (has_semi || legacy).then_some(if c == '\u{a0}' { ' ' } else { c })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_table_is_sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
    }

    #[test]
    fn attributes_mark_furniture_and_article() {
        // (html, furniture share, article share) of the one line
        let cases: &[(&str, f32, f32)] = &[
            ("<div class=\"site-nav\">x</div>", 1.0, 0.0),
            ("<div id=Comments>x</div>", 1.0, 0.0),
            ("<div role=\"navigation\">x</div>", 1.0, 0.0),
            ("<div role=contentinfo>x</div>", 1.0, 0.0),
            ("<div role=complementary>x</div>", 1.0, 0.0),
            ("<div class=\"tablehead\">x</div>", 0.0, 0.0),
            ("<div class=\"download\">x</div>", 0.0, 0.0),
            ("<div class=\"ad-slot\">x</div>", 1.0, 0.0),
            ("<div class=\"article-body\">x</div>", 0.0, 1.0),
            ("<div class=\"article-body share-tools\">x</div>", 0.0, 1.0),
            ("<div data-id=\"comments\">x</div>", 0.0, 0.0),
            ("<div itemprop=\"articleBody\">x</div>", 0.0, 1.0),
        ];
        for (html, furniture, article) in cases {
            let t = html_to_text(html);
            assert_eq!((t.hints[0].furniture, t.hints[0].article), (*furniture, *article), "{html:?}");
        }
    }

    #[test]
    fn figures_and_captions_are_marked() {
        // (html, caption share of the one line)
        let cases: &[(&str, f32)] = &[
            ("<figure><img src=x><figcaption>A bridge at dusk</figcaption></figure>", 1.0),
            ("<div class=\"image-caption\">A bridge at dusk</div>", 1.0),
            ("<p>Dusk, <span class=credit>Photo</span></p>", 0.5),
            ("<p>A bridge at dusk</p>", 0.0),
            ("<div role=figure-ish>A bridge</div>", 0.0),
        ];
        for (html, caption) in cases {
            let t = html_to_text(html);
            assert_eq!(t.hints[0].caption, *caption, "{html:?}");
        }
        // a wrapper whose class names a caption feature of the site holds the story: layout,
        // but a real caption inside it is still one
        let para = "<p>A long paragraph of the story, with commas, clauses, and enough words to count.</p>";
        let page = format!("<div class=\"site f_caption_videos_on\">{para}{para}<figure><figcaption>A bridge</figcaption></figure></div>");
        let t = html_to_text(&page);
        let captions: Vec<f32> = t.hints.iter().map(|h| h.caption).collect();
        assert_eq!(captions, [0.0, 0.0, 1.0]);
    }

    #[test]
    fn nearest_marked_container_decides_furniture() {
        let story = "<p>The story's own paragraph, long enough to weigh more than the menu does.</p>";
        let page = format!("<div class=has-sidebar><nav>Menu</nav><article>{story}<div class=share>Share</div></article></div>");
        let t = html_to_text(&page);
        // (line, furniture by any container, by the nearest one, in the heaviest article)
        let want = [("Menu", 1.0, 1.0, 0.0), ("The story", 1.0, 0.0, 1.0), ("Share", 1.0, 1.0, 1.0)];
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(lines.len(), want.len(), "{lines:?}");
        for ((line, hint), (start, any, near, heaviest)) in lines.iter().zip(&t.hints).zip(want) {
            assert!(line.starts_with(start), "{line:?}");
            assert_eq!((hint.furniture, hint.furniture_near, hint.heaviest_article), (any, near, heaviest), "{line:?}");
        }
        // a wrapper with a furniture class around the main text is layout, even when the menus
        // outweigh the story
        let menu = "<li><a href=/x>A menu entry that is rather long</a></li>".repeat(20);
        let page = format!("<ul>{menu}</ul><div class=with-sidebar><div>{story}{story}</div><aside>Ads</aside></div>");
        let t = html_to_text(&page);
        let near: Vec<(&str, f32)> = t.text.lines().zip(&t.hints).skip(20).map(|(l, h)| (&l[..3], h.furniture_near)).collect();
        assert_eq!(near, [("The", 0.0), ("The", 0.0), ("Ads", 1.0)]);
    }

    #[test]
    fn main_container_is_the_one_with_the_paragraphs() {
        let para = "<p>A long paragraph of the article, with commas, clauses, and enough words to count.</p>";
        let page = format!(
            "<ul class=x><li><a href=/a>Home</a><li><a href=/b>News</a></ul><div id=story>{para}{para}</div>\
             <div class=more><p><a href=/c>A related story told in a headline long enough to score</a></p></div>"
        );
        let t = html_to_text(&page);
        // (line, main, container link share): the menu and the linked headline are outside
        let want = [("Home", 0.0, 1.0), ("News", 0.0, 1.0), ("A long", 1.0, 0.0), ("A long", 1.0, 0.0), ("A related", 0.0, 1.0)];
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(lines.len(), want.len(), "{lines:?}");
        for ((line, hint), (start, main, container_link)) in lines.iter().zip(&t.hints).zip(want) {
            assert!(line.starts_with(start), "{line:?}");
            assert_eq!((hint.main, hint.container_link), (main, container_link), "{line:?}");
        }
        // a page without paragraphs has no main container
        assert!(html_to_text("<ul><li>a</li><li>b</li></ul>").hints.iter().all(|h| h.main == 0.0 && h.main_share == 0.0));
    }

    #[test]
    fn deep_and_unclosed_markup_stays_linear_and_whole() {
        let deep = "<div>".repeat(20_000) + "text" + &"</span>".repeat(20_000);
        assert_eq!(html_to_text(&deep).text, "text");
        let many = "<p>A paragraph long enough to be scored, with a comma.".repeat(5_000);
        assert_eq!(html_to_text(&many).hints.len(), 5_000);
    }

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
            ("1 < 2 &notaname; 3", "1 < 2 &notaname; 3"),
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
