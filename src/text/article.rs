//! The article finder: which lines of a pasted page are the article, and which are page
//! furniture (menus, share prompts, bylines, related headlines, cookie notices, footers).
//!
//! Each line is described by numbers ([`crate::text::line_features`]): how it looks on its
//! own, how the whole text looks and, for HTML, what the markup said about it
//! ([`BlockHint`]). A first logistic model rates each line alone; a second one (three small
//! networks with one hidden layer, averaged) rates it again knowing the first ratings of its
//! neighbours and where it stands relative to the article's dense middle (the
//! best-scoring stretch of lines, and the heaviest group of lines between gaps), how many
//! furniture markers (prompts, legal lines, comment headings) lie between it and that
//! middle, and how many of its neighbours look like the repeated parts of a comment
//! section or a teaser list (dates, lines of the same shape). Both are
//! trained on pasted pages and clean articles by `examples/train_article.rs` and stored in
//! `article_model.txt` (about 42 KB of text, 4,400 weights). Counts and distances are capped,
//! so that a text far longer than any page (a whole report) is rated like a long page.
//!
//! A few rules then settle what a model cannot see from one text alone: a short line that
//! is only a prompt, a legal notice or a byline, a headline cut off with "…" or glued to its
//! teaser text or behind "Related:", a caption ending in a picture credit, a note on how to
//! cite the page, is set aside even in a clean text; past the last sure article line, a
//! sentence with a legal or prompt phrase (a cookie notice) or a note on the writer is set
//! aside; a page's only paragraphs of prose above a heading of recommended pieces ("You may
//! also like") are kept when nothing above it is; a comment section's heading ends the article, and so does a heading of related
//! pieces or of a box on the writer that no sure article line follows; a heading followed
//! by furniture goes with it, but a sentence ending in a colon keeps the list it introduces
//! when the article goes on after it or its items (three or more) share one separator
//! ("June 9 -- Coral Sky Amphitheatre"), and a quoted tweet's sign-off ("— Jane Doe (@janedoe)
//! November 19, 2019") after a kept line is kept with the tweet; the headline and date a text starts with are kept, but
//! the headline and standfirst above a page's byline or dateline go, and so does a byline or
//! dateline the kept text of a page opens with (the article text of a page starts below them),
//! or a dateline it ends with ("Updated at 1:23 p.m."); a line that is a page widget as a
//! whole (a breadcrumb trail, share buttons, the reading time) goes even in a clean text.
//!
//! Lines not kept are reported as [`Ignored`] with a reason; nothing is deleted. The finder
//! leans towards keeping (threshold 0.4): a clean article, a CoNLL-style text of short
//! lines, a text with nothing article-like keep every line; a page (40 lines or more) where
//! next to nothing passes, such as a standings table under its menus, keeps the stretch from
//! its first to its last line rated 0.2 or more (a table's rows, lines with tabs between
//! their cells, count as one block there, not as a gap that leaves a likely line alone).
//!
//! What each rule is worth (session 17; 3-seed mean dev CV F1 txt / clip / html with the
//! rule left out, models of the session's fold runs reused, against 0.9510 / 0.9500 / 0.9759
//! with all of them): paragraphs above recommendations 0.9398 / 0.9388 / 0.9759; comments and
//! end headings 0.9428 / 0.9421 / 0.9725; the thin answer's stretch 0.9482 / 0.9471 / 0.9759
//! (tail leak 0.011); the heading step 0.9497 / 0.9487 / 0.9761 (tail leak 0.011); introduced
//! lists 0.9486 / 0.9476; the head above a byline 0.9489 / 0.9482 / 0.9748; wire leads
//! 0.9501 / 0.9490; caps headlines 0.9503 / 0.9494; repeated lines 0.9506 / 0.9491;
//! captions in HTML 0.9737 (html only); alt-text pairs clip 0.9496 (head leak 0.022); trailing
//! notices 0.9513 / 0.9503 / 0.9766 but tail leaks 0.022 / 0.022 / 0.015. Next to no dev
//! effect (0.0002 or less): a bare head, an opening byline (html head leak 0.049 without it), a closing
//! dateline, tweet sign-offs (one page or none each: their worth is for texts unlike the dev pages).

use crate::text::html::BlockHint;
use crate::text::line_features::{dateline_end, look_at_lines, LineLook, Phrase, Widget, LOCAL_FEATURES};
use crate::{Ignored, IgnoredReason, Span};
use std::sync::OnceLock;

/// Lines of `text` as spans, trimmed of surrounding white space, blank lines skipped.
///
/// ```
/// let text = "  one \n\n\u{200B}\n two";
/// let got: Vec<&str> = precis::text::article::lines(text).map(|s| s.slice(text)).collect();
/// assert_eq!(got, ["one", "two"]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut pos = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = pos;
        pos += line.len();
        let lead = line.len() - line.trim_start_matches(is_blank).len();
        let trimmed = line.trim_matches(is_blank);
        (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
    })
}

/// White space, and the invisible characters some pages put on lines of their own
/// (zero-width space and joiners, word joiner, byte-order mark): a line of them is blank.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Features of the first model: the line's own, the text's, and the line's place.
pub const STAGE1_FEATURES: usize = LOCAL_FEATURES + DOC_FEATURES + 3 + HINT_FEATURES;
/// What the markup says of a line (see [`hint_features`]).
const HINT_FEATURES: usize = 11;
/// Features of the second model: the first model's plus the neighbourhood's.
pub const STAGE2_FEATURES: usize = STAGE1_FEATURES + CONTEXT_FEATURES;
const DOC_FEATURES: usize = 7;
const CONTEXT_FEATURES: usize = 26;

// Counts and distances are capped near the largest seen in training pages, so that a text
// far longer than any page (a whole report, a 1 MB paste) is rated like a long page rather
// than by weights pushed past where they were learnt: uncapped, the text's size alone and
// the count of prompts seen since the "last sure line" set aside a quarter of a long report.
/// Lines of text beyond which the text's size no longer counts (training pages reach 720).
const LONGEST_PAGE: usize = 800;
/// Most furniture markers or segments counted between a line and the article's middle.
const MOST_COUNTED: usize = 16;
/// Farthest distance, in lines, from the dense middle that still counts.
const FARTHEST: usize = 300;

/// Hidden units of the second model.
pub const HIDDEN: usize = 16;

/// The two models and the keep threshold: a logistic regression (weights, bias last), then
/// one or more networks with one hidden layer of [`HIDDEN`] tanh units, whose
/// probabilities are averaged (networks trained from other starting weights disagree on
/// borderline pages; their mean is steadier than any one of them).
#[derive(Debug, Clone, PartialEq)]
pub struct LineModel {
    /// First model, `STAGE1_FEATURES + 1` weights.
    pub stage1: Vec<f32>,
    /// Hidden layers of the second model's networks, one after the other: `HIDDEN` rows of
    /// `STAGE2_FEATURES + 1` weights (bias last) each.
    pub hidden: Vec<f32>,
    /// Outputs of the second model's networks, one after the other: `HIDDEN + 1` weights (bias last) each.
    pub stage2: Vec<f32>,
    /// A line is kept when the second model's probability reaches this.
    pub threshold: f32,
}

impl LineModel {
    /// Reads the text format written by [`LineModel::to_text`]; `None` if it does not fit.
    ///
    /// ```
    /// use precis::text::article::LineModel;
    /// let m = LineModel::builtin();
    /// assert_eq!(LineModel::parse(&m.to_text()).as_ref(), Some(m));
    /// ```
    pub fn parse(s: &str) -> Option<LineModel> {
        let mut stage1 = Vec::new();
        let mut hidden = Vec::new();
        let mut stage2 = Vec::new();
        let mut threshold = 0.5;
        for line in s.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line.split_once(' ')?;
            let v = crate::decimal::parse_f32(value.trim())?;
            match key {
                "s1" => stage1.push(v),
                "h" => hidden.push(v),
                "s2" => stage2.push(v),
                "threshold" => threshold = v,
                _ => return None,
            }
        }
        let networks = stage2.len() / (HIDDEN + 1);
        let fits = stage1.len() == STAGE1_FEATURES + 1
            && networks >= 1
            && stage2.len() == networks * (HIDDEN + 1)
            && hidden.len() == networks * HIDDEN * (STAGE2_FEATURES + 1);
        fits.then_some(LineModel { stage1, hidden, stage2, threshold })
    }

    /// The model as text: one `s1 <weight>` / `h <weight>` / `s2 <weight>` line per weight,
    /// bias last, each weight to four decimals (so `parse(to_text())` is the model rounded).
    pub fn to_text(&self) -> String {
        let mut out = String::from("# article finder line model, written by examples/train_article.rs\n");
        out.push_str(&format!("threshold {}\n", self.threshold));
        for (key, weights) in [("s1", &self.stage1), ("h", &self.hidden), ("s2", &self.stage2)] {
            for &w in weights {
                out.push_str(&format!("{key} {}\n", short_decimal(w)));
            }
        }
        out
    }

    /// Probability that a line with second-model inputs `x` is article text: the mean over the networks.
    pub fn stage2_probability(&self, x: &[f32]) -> f32 {
        let layers = self.hidden.chunks_exact(HIDDEN * (STAGE2_FEATURES + 1));
        let outputs = self.stage2.chunks_exact(HIDDEN + 1);
        let networks = outputs.len().max(1) as f32;
        let mut sum = 0.0;
        for (layer, output) in layers.zip(outputs) {
            let h = hidden_layer(layer, x);
            sum += sigmoid(logit(output, &h));
        }
        sum / networks
    }

    /// The model shipped with the crate.
    pub fn builtin() -> &'static LineModel {
        static MODEL: OnceLock<LineModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            LineModel::parse(include_str!("article_model.txt")).unwrap_or_else(|| LineModel {
                stage1: vec![0.0; STAGE1_FEATURES + 1],
                hidden: vec![0.0; HIDDEN * (STAGE2_FEATURES + 1)],
                stage2: vec![0.0; HIDDEN + 1],
                threshold: 0.0,
            })
        })
    }
}

/// `w` with four decimals, trailing zeros dropped ("-1.25", "0"): closer than any weight
/// needs, and it keeps the model file (and the `.wasm` that includes it) small.
fn short_decimal(w: f32) -> String {
    let s = format!("{w:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "" | "-" | "-0" => "0".to_string(),
        s => s.to_string(),
    }
}

/// Dot product of `x` with `w`, whose last element is the bias.
pub fn logit(w: &[f32], x: &[f32]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum::<f32>() + w.last().copied().unwrap_or(0.0)
}

/// The hidden units of one network, `tanh(logit(row, x))` for each of its `HIDDEN` rows,
/// four rows at a time: each row's sum adds the same products in the same order as
/// [`logit`] (so the same bits), but four independent sums keep the adder busy where a
/// single sum waits on every add.
fn hidden_layer(layer: &[f32], x: &[f32]) -> [f32; HIDDEN] {
    const ROWS: usize = 4;
    const _: () = assert!(HIDDEN % ROWS == 0);
    let n = STAGE2_FEATURES + 1;
    let x = &x[..x.len().min(n)]; // as far as logit's zip reads
    // the start `Iterator::sum` folds from (the sign of a zero sum depends on it)
    let start: f32 = std::iter::empty::<f32>().sum();
    let mut h = [0.0f32; HIDDEN];
    for (group, rows) in layer.chunks_exact(ROWS * n).enumerate() {
        let r: [&[f32]; ROWS] = std::array::from_fn(|i| &rows[i * n..(i + 1) * n]);
        let mut sums = [start; ROWS];
        for (j, &xj) in x.iter().enumerate() {
            for i in 0..ROWS {
                sums[i] += r[i][j] * xj;
            }
        }
        for i in 0..ROWS {
            h[group * ROWS + i] = (sums[i] + r[i][n - 1]).tanh();
        }
    }
    h
}

pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The hint of each line, when the text came from HTML: `hints` matched to `lines` by offset.
pub fn hints_for_lines(lines: &[Span], hints: &[BlockHint]) -> Vec<Option<BlockHint>> {
    let mut k = 0;
    lines
        .iter()
        .map(|l| {
            while k < hints.len() && hints[k].start < l.start {
                k += 1;
            }
            // a line of HTML-derived text starts where its hint says, or (trimmed) just after
            let prev = k.checked_sub(1).map(|j| hints[j]);
            match hints.get(k) {
                Some(h) if h.start == l.start => Some(*h),
                _ => prev,
            }
        })
        .collect()
}

/// Inputs of the first model, `STAGE1_FEATURES` per line, one row after the other;
/// `hints` (one per line) when the text came from HTML.
pub fn stage1_inputs(looks: &[LineLook], hints: Option<&[Option<BlockHint>]>) -> Vec<f32> {
    let n = looks.len();
    let nf = n.max(1) as f32;
    let frac = |f: &dyn Fn(&LineLook) -> bool| looks.iter().filter(|l| f(l)).count() as f32 / nf;
    let doc = [
        frac(&|l| l.prompt_or_legal()),
        frac(&|l| l.words <= 3),
        (1.0 + n.min(LONGEST_PAGE) as f32).ln() / 5.0,
        frac(&|l| l.ends_stop),
        frac(&|l| l.features()[29] > 0.0),
        frac(&|l| l.words >= 15),
        frac(&|l| l.cut_off),
    ];
    let mut out = Vec::with_capacity(n * STAGE1_FEATURES);
    for (i, look) in looks.iter().enumerate() {
        out.extend_from_slice(look.features());
        out.extend_from_slice(&doc);
        out.push(i as f32 / nf);
        out.push(if i < 3 { 1.0 } else { 0.0 });
        out.push(if i + 3 >= n { 1.0 } else { 0.0 });
        out.extend_from_slice(&hint_features(hints.and_then(|h| h.get(i).copied().flatten())));
    }
    out
}

/// The first model's inputs from the markup's hint of a line (all zero for plain text).
fn hint_features(hint: Option<BlockHint>) -> [f32; HINT_FEATURES] {
    match hint {
        // furniture by the nearest marked container, not `h.furniture` (any container around,
        // a wrapper's class included), which the model did better without
        Some(h) => [1.0, h.link, h.article, h.heading, h.list_item, h.main, h.container_link, h.main_share, h.caption, h.heaviest_article, h.furniture_near],
        None => [0.0; HINT_FEATURES],
    }
}

/// Inputs of the second model from the first model's logits `z1`.
pub fn stage2_inputs(looks: &[LineLook], stage1: &[f32], z1: &[f32]) -> Vec<f32> {
    let n = looks.len();
    let p1: Vec<f32> = z1.iter().map(|&z| sigmoid(z)).collect();
    let mass: Vec<f32> = looks.iter().map(|l| (1.0 + l.words as f32).ln()).collect();
    // prefix sums for window means in O(1)
    let mut pre_p = vec![0.0f32; n + 1];
    let mut pre_wp = vec![0.0f32; n + 1];
    let mut pre_w = vec![0.0f32; n + 1];
    for i in 0..n {
        pre_p[i + 1] = pre_p[i] + p1[i];
        pre_wp[i + 1] = pre_wp[i] + p1[i] * mass[i];
        pre_w[i + 1] = pre_w[i] + mass[i];
    }
    let window = |i: usize, r: usize| {
        let (a, b) = (i.saturating_sub(r), (i + r + 1).min(n));
        let cnt = (b - a - 1).max(1) as f32;
        (pre_p[b] - pre_p[a] - p1[i]) / cnt
    };
    let wwindow = |i: usize, r: usize| {
        let (a, b) = (i.saturating_sub(r), (i + r + 1).min(n));
        let w = pre_w[b] - pre_w[a];
        if w > 0.0 {
            (pre_wp[b] - pre_wp[a]) / w
        } else {
            0.0
        }
    };
    let run = best_run(&p1, &mass);
    let confident = |l: &LineLook, p: f32| p > 0.8 && l.words >= 8;
    let first_conf = (0..n).find(|&i| confident(&looks[i], p1[i])).unwrap_or(n);
    let last_conf = (0..n).rev().find(|&i| confident(&looks[i], p1[i])).map_or(0, |i| i + 1);
    let mean_p = if n > 0 { pre_p[n] / n as f32 } else { 0.0 };
    let z = |j: isize| -> f32 {
        if j < 0 || j as usize >= n {
            -1.0
        } else {
            z1[j as usize].clamp(-8.0, 8.0) / 4.0
        }
    };
    let segments = Segments::new(&p1, &mass);
    // furniture markers (prompts, legal lines, comment headings) and lines that look like the
    // repeated parts of comments or teaser lists (a date, the same shape as other lines)
    let marker = |l: &LineLook| l.prompt_or_legal() || l.features()[40] > 0.0;
    let listy = |l: &LineLook| l.features()[17] > 0.0 || l.features()[37] > 0.0 || l.features()[38] > 0.0 || l.features()[39] > 0.0;
    let mut pre_marker = vec![0usize; n + 1];
    let mut pre_listy = vec![0usize; n + 1];
    for i in 0..n {
        pre_marker[i + 1] = pre_marker[i] + usize::from(marker(&looks[i]));
        pre_listy[i + 1] = pre_listy[i] + usize::from(listy(&looks[i]) && looks[i].words <= 8);
    }
    let count_ln = |c: usize| (1.0 + c.min(MOST_COUNTED) as f32).ln() / 2.0;
    let listy_near = |i: usize| {
        let (a, b) = (i.saturating_sub(4), (i + 5).min(n));
        (pre_listy[b] - pre_listy[a]) as f32 / (b - a).max(1) as f32
    };
    let mut out = Vec::with_capacity(n * STAGE2_FEATURES);
    for i in 0..n {
        out.extend_from_slice(&stage1[i * STAGE1_FEATURES..(i + 1) * STAGE1_FEATURES]);
        let ii = i as isize;
        let before_run = run.start.saturating_sub(i).min(FARTHEST);
        let after_run = (i + 1).saturating_sub(run.end).min(FARTHEST);
        out.extend_from_slice(&[
            z(ii),
            z(ii - 1),
            z(ii + 1),
            z(ii - 2),
            z(ii + 2),
            window(i, 3),
            window(i, 10),
            wwindow(i, 5),
            if run.contains(&i) { 1.0 } else { 0.0 },
            (1.0 + before_run as f32).ln() / 3.0,
            (1.0 + after_run as f32).ln() / 3.0,
            if i < first_conf { 1.0 } else { 0.0 },
            if i >= last_conf { 1.0 } else { 0.0 },
            mean_p,
            if looks[i].words <= 4 { stage1[i * STAGE1_FEATURES + LOCAL_FEATURES] } else { 0.0 },
            if looks[i].words <= 4 { stage1[i * STAGE1_FEATURES + LOCAL_FEATURES + 4] } else { 0.0 },
            if run.contains(&i) && looks[i].words <= 4 { 1.0 } else { 0.0 },
            if i >= run.end { count_ln(pre_marker[i] - pre_marker[run.end.min(i)]) } else { 0.0 },
            if i < run.start { count_ln(pre_marker[run.start] - pre_marker[i + 1]) } else { 0.0 },
            listy_near(i),
            if i >= last_conf { count_ln(pre_marker[i] - pre_marker[last_conf.min(i)]) } else { 0.0 },
        ]);
        out.extend_from_slice(&segments.features(i));
    }
    out
}

/// Stretches of lines separated by gaps of two or more unlikely lines, and the one with the
/// most article-like text in it: the article is usually one such stretch, and comments or
/// teasers form others after it.
struct Segments {
    /// Segment index of each line.
    of_line: Vec<usize>,
    /// Article-like mass of each segment.
    mass: Vec<f32>,
    /// Index of the heaviest segment.
    main: usize,
    /// First line of each segment.
    first: Vec<usize>,
}

impl Segments {
    fn new(p: &[f32], mass: &[f32]) -> Segments {
        let mut of_line = Vec::with_capacity(p.len());
        let (mut seg_mass, mut first) = (vec![0.0f32], vec![0usize]);
        let mut low_run = 0;
        for i in 0..p.len() {
            if p[i] < 0.3 {
                low_run += 1;
            } else {
                if low_run >= 2 && seg_mass.last().is_some_and(|&m| m > 0.0) {
                    seg_mass.push(0.0);
                    first.push(i);
                }
                low_run = 0;
            }
            of_line.push(seg_mass.len() - 1);
            if let Some(m) = seg_mass.last_mut() {
                *m += p[i] * mass[i];
            }
        }
        let main = (0..seg_mass.len()).max_by(|&a, &b| seg_mass[a].total_cmp(&seg_mass[b])).unwrap_or(0);
        Segments { of_line, mass: seg_mass, main, first }
    }

    fn features(&self, i: usize) -> [f32; 5] {
        let _ = &self.first;
        let s = self.of_line[i];
        let share = self.mass[s] / self.mass[self.main].max(1e-3);
        [
            share.min(1.0),
            if s == self.main { 1.0 } else { 0.0 },
            if s > self.main { 1.0 } else { 0.0 },
            if s < self.main { 1.0 } else { 0.0 },
            (1.0 + s.abs_diff(self.main).min(MOST_COUNTED) as f32).ln() / 2.0,
        ]
    }
}

/// The stretch of lines with the greatest sum of `(p - 0.5) * mass` (Kadane), as a range.
fn best_run(p: &[f32], mass: &[f32]) -> std::ops::Range<usize> {
    let (mut best, mut best_range) = (0.0f32, 0..0);
    let (mut run, mut run_start) = (0.0f32, 0usize);
    for i in 0..p.len() {
        if run <= 0.0 {
            run = 0.0;
            run_start = i;
        }
        run += (p[i] - 0.5) * mass[i];
        if run > best {
            best = run;
            best_range = run_start..i + 1;
        }
    }
    best_range
}

/// Fewer kept characters than this (a sentence or two, in any script) on a page of
/// [`PAGE_LINES`] lines or more make a thin answer, widened to the stretch between the first
/// and last line rated [`LIKELY`] or more.
const THIN_ANSWER_CHARS: usize = 150;
/// Lines from which a text is a page (menus, footers) rather than a short note or a list.
const PAGE_LINES: usize = 40;
/// The rating of a line that may be article text when the answer is thin.
const LIKELY: f32 = 0.2;

/// Lines beyond which a likely line stands alone, too far from the next one to be of the
/// same text (a menu item rated like a heading, far above a standings table).
const LIKELY_GAP: usize = 20;

/// The stretch a thin answer widens to, from the likely lines `likely` (in order): from the
/// first to the last, leaving out a first or last one that stands alone, more than
/// [`LIKELY_GAP`] lines from the next (`gap(a, b)`: how many lines after likely line `a`,
/// up to likely line `b`, count in the distance).
fn likely_stretch(likely: &[usize], gap: &dyn Fn(usize, usize) -> usize) -> Option<(usize, usize)> {
    let (mut lo, mut hi) = (0, likely.len().checked_sub(1)?);
    while lo < hi && gap(likely[lo], likely[lo + 1]) > LIKELY_GAP {
        lo += 1;
    }
    while hi > lo && gap(likely[hi - 1], likely[hi]) > LIKELY_GAP {
        hi -= 1;
    }
    Some((likely[lo], likely[hi]))
}

/// Whether a line is a row of a table (its cells between tabs, as a page's text gives them):
/// a table is one block, however many rows it has, and no gap between the lines around it.
fn is_table_row(line: &str) -> bool {
    line.contains('\t')
}

/// A line the model is sure is article text, and long enough to be a sentence of it.
fn is_sure(look: &LineLook, p: f32) -> bool {
    p >= 0.9 && look.words >= 8
}

/// Kept words before a comment heading that make it the end of the article, not a comment
/// counter near the headline.
const ARTICLE_BEFORE_COMMENTS: usize = 80;

/// Lines under a heading of related pieces or of a box on the writer that may still be sure
/// article-like lines (the writer's note, a teaser's standfirst) when it ends the article.
const END_BOX_LINES: usize = 3;

/// The rating from which a full sentence below a box of related pieces says the article goes
/// on (an inline "Related articles" box in the middle of the text).
const SENTENCE_BELOW_BOX: f32 = 0.7;

/// Sets aside everything from the first comment-section heading on ("View Comments",
/// "[ 167 comments ]"), once a kept line of 8 words or more and enough kept text lie before
/// it (a kept line, not a sure one: on a site the model has not seen, it may rate the whole
/// article below sure and the comments under it, prose as well, above it): readers'
/// comments are well-written prose the line model keeps, but they are not the article, and
/// on the pages we have seen no article text follows such a heading. So does a heading of
/// related pieces or of a box on the writer ("Related articles", "Über Jane Doe") when no
/// sure line, nor a full sentence rated [`SENTENCE_BELOW_BOX`] or more, follows past the
/// first [`END_BOX_LINES`] under it (such a box can also stand inside the article, which
/// then goes on below it), and so does a link to the site's next piece ("- Next Auto News")
/// with the headline and standfirst under it. A heading of what the page recommends ("You may also like")
/// ends it whatever follows: the recommended pieces' standfirsts are well written too.
fn set_aside_comments(looks: &[LineLook], p: &[f32], keep: &mut [bool]) {
    let Some(first_sentence) = (0..looks.len()).find(|&i| keep[i] && looks[i].words >= 8) else { return };
    // article text below a box: a sure line, or a full sentence rated well (a related box's
    // teasers are headlines, with no full stop, the model may rate as high)
    let goes_on = |l: &LineLook, p: f32| is_sure(l, p) || (p >= SENTENCE_BELOW_BOX && l.words >= 8 && l.ends_stop);
    let mut words_before = 0;
    for i in 0..looks.len() {
        let ends = looks[i].comment_heading || looks[i].recommends_heading || ((looks[i].end_heading || looks[i].widget == Some(Widget::NextLink)) && !(i + 1 + END_BOX_LINES..looks.len()).any(|j| goes_on(&looks[j], p[j])));
        if i > first_sentence && ends && words_before >= ARTICLE_BEFORE_COMMENTS {
            keep[i..].iter_mut().for_each(|k| *k = false);
            return;
        }
        if keep[i] {
            words_before += looks[i].words;
        }
    }
}

/// Words of a line of prose above a heading of recommended pieces that make it the article
/// (with a stop or without: a piece may end on its title or a link's text).
const PARAGRAPH_ABOVE_WORDS: usize = 40;
/// The least rating of such a paragraph: a line the model all but rules out stays out.
const PARAGRAPH_ABOVE_LIKELY: f32 = 0.1;

/// Keeps the paragraphs of prose above a heading of what the page recommends ("You may also
/// like") when nothing above it is kept, and sets aside all from the heading on: a page of
/// one short piece (a quotation, a message) under its menus, whose recommended pieces are
/// more of the same, leaves the model unsure of the piece and sure of the pieces below. A
/// heading with no paragraph above it is a menu's, above the article, and changes nothing.
fn keep_the_paragraphs_above_recommendations(looks: &[LineLook], p: &[f32], keep: &mut [bool]) {
    let Some(heading) = looks.iter().position(|l| l.recommends_heading) else { return };
    if keep[..heading].contains(&true) {
        return;
    }
    let paragraph = |i: usize| looks[i].words >= PARAGRAPH_ABOVE_WORDS && looks[i].has_function_word() && p[i] >= PARAGRAPH_ABOVE_LIKELY && !looks[i].prompt_or_legal();
    if !(0..heading).any(paragraph) {
        return;
    }
    for (i, k) in keep.iter_mut().enumerate() {
        *k = i < heading && paragraph(i);
    }
}

/// Longest sign-off of a quoted tweet, in words (a long display name, the handle, a date).
const SIGN_OFF_WORDS: usize = 16;

/// Whether `line` is the sign-off of a tweet quoted in the article ("— Jane Doe (@janedoe)
/// November 19, 2019"): a dash, a name, the handle in brackets. It closes the quoted tweet,
/// article text like the tweet; short, with no full stop and a date, it looks like a
/// heading or a dateline to the line model.
fn is_tweet_sign_off(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(['—', '–', '-']) else { return false };
    let Some(at) = rest.find("(@") else { return false };
    let handle = &rest[at + 2..];
    let len = handle.find(')').unwrap_or(0);
    (1..=15).contains(&len)
        && handle[..len].chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !rest[..at].trim().is_empty()
        && line.split_whitespace().count() <= SIGN_OFF_WORDS
}

/// Keeps the sign-off of a quoted tweet ([`is_tweet_sign_off`]) that follows a kept line:
/// the tweet's text above it is kept, and the sign-off belongs with it.
fn keep_tweet_sign_offs(text: &str, lines: &[Span], keep: &mut [bool]) {
    for i in 1..lines.len() {
        if keep[i - 1] && !keep[i] && is_tweet_sign_off(lines[i].slice(text)) {
            keep[i] = true;
        }
    }
}

/// Fewest words of a wire story's opening paragraph ([`keep_wire_leads`]).
const WIRE_LEAD_WORDS: usize = 12;

/// Keeps the opening paragraph of a wire story ("NORTHPORT, Maine (AP) — The harbour…",
/// "Nairobi, Kenya (CNN) -- …"), a line of [`WIRE_LEAD_WORDS`] words or more that opens with a
/// place and an agency's tag, when the line below it is kept and it or the next is article
/// text (8 words or more; the first may be the time of a live story's entry):
/// the dateline says the article starts there. Below a page's furniture, with only set-aside
/// lines above it, the line model rates it lower than the paragraphs that follow; `may_keep`
/// leaves out lines a rule has set aside whatever their rating.
fn keep_wire_leads(text: &str, lines: &[Span], looks: &[LineLook], may_keep: &dyn Fn(usize) -> bool, keep: &mut [bool]) {
    for i in 0..lines.len().saturating_sub(1) {
        let lead = looks[i].words >= WIRE_LEAD_WORDS && dateline_end(lines[i].slice(text)).is_some();
        let text_below = (i + 1..(i + 3).min(lines.len())).any(|j| keep[j] && looks[j].words >= 8);
        if !keep[i] && lead && keep[i + 1] && text_below && may_keep(i) {
            keep[i] = true;
        }
    }
}

/// Most lines before the article that can be its own headline and date rather than a page's top.
const BARE_HEAD_LINES: usize = 2;

/// Keeps the headline and date of a text that starts with them (an article copied from its
/// headline down, or a clean text): when no more than [`BARE_HEAD_LINES`] lines, none of them
/// a prompt, a legal line, a teaser or a widget, stand before a run of kept lines, they are the
/// article's own head, not a page's menus.
fn keep_a_bare_head(looks: &[LineLook], keep: &mut [bool]) {
    let Some(first) = keep.iter().position(|&k| k) else { return };
    let plain = |l: &LineLook| l.phrase.is_none() && !l.cut_off && !l.glued_headline && !l.related_prefix && !l.caption_credit && l.widget.is_none();
    // a date, or words in sentence case or with a function word: not a one-line menu ("Home News Sport")
    let headline_or_date = |l: &LineLook| l.dated() || (l.words >= 3 && !l.title_cased()) || l.has_function_word();
    // the article must start there and go on, not be a lone standfirst above more furniture
    let goes_on = keep.len() >= first + 3 && keep[first..first + 3].iter().all(|&k| k);
    if first <= BARE_HEAD_LINES && goes_on && looks[..first].iter().all(|l| plain(l) && headline_or_date(l)) {
        keep[..first].iter_mut().for_each(|k| *k = true);
    }
}

/// Most lines of a list that a line ending in a colon can introduce.
const LIST_LINES: usize = 10;

/// Keeps a list the article introduces ("The newly selected five are:" and its items), when
/// article text goes on after it or its items are of one shape ([`item_run_end`]): list items are short lines the model rates like a menu's,
/// and the heading rule would take the line that introduces them. Only items with no mark of
/// furniture (a prompt, a legal or credit phrase, a related or cut-off headline, a widget).
fn keep_introduced_lists(text: &str, lines: &[Span], looks: &[LineLook], rated: &[bool], keep: &mut [bool]) {
    let plain = |l: &LineLook| {
        l.phrase.is_none() && !l.cut_off && !l.glued_headline && !l.related_prefix && !l.caption_credit && !l.author_note && l.widget.is_none()
    };
    let mut i = 0;
    while i < lines.len() {
        // a sentence that announces a list, not a form's label ("Search for:")
        if rated[i] && looks[i].words >= 4 && looks[i].has_function_word() && lines[i].slice(text).ends_with(':') {
            let reach = (i + 2 + LIST_LINES).min(lines.len());
            if let Some(next) = (i + 1..reach).find(|&j| keep[j]) {
                if next > i + 1 && (i + 1..next).all(|j| plain(&looks[j])) {
                    keep[i..next].iter_mut().for_each(|k| *k = true);
                    i = next;
                    continue;
                }
            }
            // or a run of items of one shape, however long, even where the article ends with
            // it ("Tour dates:", "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", …)
            let end = item_run_end(text, lines, looks, i + 1, &plain);
            if end >= i + 1 + LIST_RUN_ITEMS {
                keep[i..end].iter_mut().for_each(|k| *k = true);
                i = end;
                continue;
            }
        }
        i += 1;
    }
}

/// Fewest items of one shape that make a list ([`item_run_end`]).
const LIST_RUN_ITEMS: usize = 3;
/// Most words of one item in such a list.
const LIST_ITEM_WORDS: usize = 20;
/// Marks between the parts of a list's items ("June 9 -- Coral Sky Amphitheatre", "Oslo: 4").
const ITEM_SEPARATORS: &[&str] = &[" -- ", " – ", " — ", " - ", ": ", " | "];

/// The end of the run of list items from line `from` on: short lines with no mark of
/// furniture (`plain`) that all hold the separator the first one holds ([`ITEM_SEPARATORS`]).
fn item_run_end(text: &str, lines: &[Span], looks: &[LineLook], from: usize, plain: &dyn Fn(&LineLook) -> bool) -> usize {
    let item = |j: usize| looks[j].words <= LIST_ITEM_WORDS && plain(&looks[j]);
    let Some(first) = lines.get(from).map(|l| l.slice(text)) else { return from };
    let Some(sep) = ITEM_SEPARATORS.iter().find(|s| first.contains(*s)) else { return from };
    (from..lines.len()).find(|&j| !(item(j) && lines[j].slice(text).contains(sep))).unwrap_or(lines.len())
}

/// Most kept lines above the writer's byline or the dateline that can be a headline and standfirst.
const HEAD_ABOVE_BYLINE: usize = 2;
/// Farthest, in lines, that byline or dateline can stand below the first kept line.
const BYLINE_REACH: usize = 8;

/// A writer's byline or a dateline ("By Jane Doe", "Nov. 18, 2019 7:04 pm ET", "Updated 3
/// hours ago"), not a picture credit ("Photo by …", "Getty Images").
fn byline_or_dateline(line: &str, look: &LineLook) -> bool {
    look.words <= 14 && !look.caption_credit && (look.dated() || (opens_as_byline(line) && look.phrase == Some(Phrase::Byline)))
}

/// Whether `line` opens with the word of a byline or a dateline ("By", "Updated",
/// "Published", "Von"…), after any opening bracket.
fn opens_as_byline(line: &str) -> bool {
    let first = line.trim_start_matches(['(', '[']).split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "by" | "von" | "par" | "por" | "door" | "updated" | "published" | "posted" | "author:")
}

/// Sets aside the headline and standfirst above a page's byline or dateline: a page's own
/// article text (the truth of the pages we train on) starts below them, and a pasted page
/// puts the byline between its head and its body ("Is Football Violence a Crime?", "NFL
/// assaults have led to lawsuits before…", "By Randy Maniloff", "Nov. 18, 2019", body).
/// Only when the byline itself was set aside, or it is kept but short and no sentence
/// ("Monday November 18, 2019 7:45 am PST by Jane Doe") on a page whose first lines were
/// set aside (it then goes too); at most [`HEAD_ABOVE_BYLINE`] kept lines stand above it,
/// and far more kept text follows it: so a clean text's headline and date stay, and so does
/// a first paragraph above an inset byline of a quoted piece.
fn set_aside_the_head_above_a_byline(text: &str, lines: &[Span], looks: &[LineLook], keep: &mut [bool]) {
    let Some(first) = keep.iter().position(|&k| k) else { return };
    let reach = (first + 1 + BYLINE_REACH).min(lines.len());
    // a kept byline counts only below a page's set-aside top (a clean text starts at its line 0)
    let is_mark = |i: usize| {
        let line = lines[i].slice(text);
        (!keep[i] && byline_or_dateline(line, &looks[i])) || (first > 0 && is_short_mark(line, &looks[i]))
    };
    let Some(mark) = (first + 1..reach).find(|&i| is_mark(i)) else { return };
    let head: Vec<usize> = (first..mark).filter(|&i| keep[i]).collect();
    let head_words: usize = head.iter().map(|&i| looks[i].words).sum();
    let (below_lines, below_words) = kept_after(mark, looks, keep);
    if head.len() <= HEAD_ABOVE_BYLINE && below_lines >= 2 && below_words >= 3 * head_words.max(10) {
        head.iter().for_each(|&i| keep[i] = false);
        keep[mark] = false;
    }
}

/// Whether a line with a byline or a date is a sentence: it ends with a full stop that is no
/// clock's "a.m." or "p.m." ("Updated at 1:23 p.m." is a dateline).
fn is_sentence(line: &str, look: &LineLook) -> bool {
    look.ends_stop && !(line.ends_with("a.m.") || line.ends_with("p.m."))
}

/// Most words of a byline or dateline that can open a page's kept text and still go.
const OPENING_MARK_WORDS: usize = 10;

/// Whether `line` is a byline or dateline of at most [`OPENING_MARK_WORDS`] words and no
/// sentence: one that may go although the model kept it.
fn is_short_mark(line: &str, look: &LineLook) -> bool {
    look.words <= OPENING_MARK_WORDS && !is_sentence(line, look) && byline_or_dateline(line, look)
}

/// Sets aside a byline or dateline that the kept text of a page opens with ("November 19,
/// 2019 at 9:45 am", "by Jane Doe / 2016.12.01") when the lines above it were set aside and
/// article text follows: a page's article text starts below its byline and date, as it does
/// below its headline. Not when it is the text's first line (a clean text's date stays), nor
/// a sentence ("On March 5, 2026 the council met."), nor when little follows.
fn set_aside_an_opening_byline(text: &str, lines: &[Span], looks: &[LineLook], keep: &mut [bool]) {
    let Some(first) = keep.iter().position(|&k| k) else { return };
    let look = &looks[first];
    if first == 0 || !is_short_mark(lines[first].slice(text), look) {
        return;
    }
    let (below_lines, below_words) = kept_after(first, looks, keep);
    if below_lines >= 2 && below_words >= 30 {
        keep[first] = false;
    }
}

/// Sets aside a dateline or byline that the kept text ends with ("Updated at 1:23 p.m.",
/// "(Published Monday, Nov. 18, 2019)"), below the last sure line: a page's note on when
/// the piece was written, not article text. Only one that opens as one ("Updated", "By"),
/// not a list's last date ("Oct. 10 -- The Pavilion, Houston") nor a tweet's sign-off.
fn set_aside_a_closing_dateline(text: &str, lines: &[Span], looks: &[LineLook], p: &[f32], keep: &mut [bool]) {
    let Some(last) = keep.iter().rposition(|&k| k) else { return };
    let Some(last_sure) = (0..lines.len()).rposition(|i| is_sure(&looks[i], p[i])) else { return };
    let line = lines[last].slice(text);
    let look = &looks[last];
    if last > last_sure && opens_as_byline(line) && is_short_mark(line, look) {
        keep[last] = false;
    }
}

/// Sets aside a kept headline in capitals ([`LineLook::caps_headline`]) below the first kept
/// line: a link to another story that a page sets inside its article ("READ MORE"-style, in
/// the site's capitals). A text's own headline in capitals, its first line, stays.
fn set_aside_caps_headlines(looks: &[LineLook], keep: &mut [bool]) {
    let Some(first) = keep.iter().position(|&k| k) else { return };
    for i in first + 1..keep.len() {
        if looks[i].caps_headline {
            keep[i] = false;
        }
    }
}

/// Fewest words of a kept line whose repeats go ([`set_aside_repeated_lines`]).
const REPEATED_WORDS: usize = 8;

/// Sets aside a kept line of [`REPEATED_WORDS`] words or more that repeats one kept above it
/// word for word: a picture's caption a clipboard copy gives twice (its alt text and its
/// caption), a pull quote. The text says it once.
fn set_aside_repeated_lines(text: &str, lines: &[Span], looks: &[LineLook], keep: &mut [bool]) {
    let mut seen: crate::words::TextSet<&str> = Default::default();
    for i in 0..lines.len() {
        if keep[i] && looks[i].words >= REPEATED_WORDS && !seen.insert(lines[i].slice(text)) {
            keep[i] = false;
        }
    }
}

/// Most words of either line of a picture's alt text and caption pair ([`set_aside_alt_text_pairs`]).
const ALT_PAIR_WORDS: usize = 16;

/// The lower-case words of a line, split at anything but a letter or digit, without "by"
/// (an alt text gives "Title_Artist" where its caption says "Title by Artist").
fn alt_words(line: &str) -> Vec<String> {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w != "by")
        .collect()
}

/// Sets aside two kept neighbouring lines below the first kept line, neither a sentence, nor
/// ending in a colon, nor holding a tab, nor longer than [`ALT_PAIR_WORDS`] words, when every
/// word of the shorter (three or more) occurs in the other, which has more: a clipboard copy
/// gives a gallery picture's alt text ("Festival 2018 Light a Wish_OGE Group") above its
/// caption ("Light a Wish by OGE Group"); the text gives neither.
fn set_aside_alt_text_pairs(text: &str, lines: &[Span], looks: &[LineLook], keep: &mut [bool]) {
    // A heading above the sentence that opens its section ends in a colon.
    let short = |i: usize| {
        let line = lines[i].slice(text).trim_end();
        !looks[i].ends_stop && looks[i].words <= ALT_PAIR_WORDS && !line.ends_with(':') && !is_table_row(line)
    };
    let Some(first) = keep.iter().position(|&k| k) else { return };
    let was = keep.to_vec();
    for i in first + 1..lines.len().saturating_sub(1) {
        let j = i + 1;
        if !(was[i] && was[j] && short(i) && short(j)) {
            continue;
        }
        let (a, b) = (alt_words(lines[i].slice(text)), alt_words(lines[j].slice(text)));
        let (few, many) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
        // The alt text says more than its caption: two equal lines are a repeat, no pair.
        if few.len() >= 3 && few.len() < many.len() && few.iter().all(|w| many.contains(w)) {
            keep[i] = false;
            keep[j] = false;
        }
    }
}

/// The kept lines after line `i` and their words: how much article text follows it.
fn kept_after(i: usize, looks: &[LineLook], keep: &[bool]) -> (usize, usize) {
    (i + 1..keep.len()).filter(|&j| keep[j]).fold((0, 0), |(lines, words), j| (lines + 1, words + looks[j].words))
}

/// Whether the kept lines of a page hold fewer than [`THIN_ANSWER_CHARS`] characters; stops
/// counting once they reach it.
fn is_thin_answer(text: &str, lines: &[Span], keep: &[bool]) -> bool {
    let mut chars = 0;
    for (line, _) in lines.iter().zip(keep).filter(|(_, &k)| k) {
        chars += line.slice(text).chars().count();
        if chars >= THIN_ANSWER_CHARS {
            return false;
        }
    }
    true
}

/// Decides which lines are article text.
///
/// ```
/// use precis::text::ArticleFinder;
/// let text = "Home\nNews\nSport\nWeather\n\
///     The council voted on Tuesday to close the old bridge to traffic after an inspection found cracks.\n\
///     Engineers said it was no longer safe for buses and lorries, and that repairs would take a year.\n\
///     Shops on both banks fear they will lose trade while the work goes on.\n\
///     Share this article\n© 2024 Example Media. All rights reserved.";
/// let (kept, ignored) = ArticleFinder::default().find(text);
/// assert_eq!(kept.len(), 3);
/// assert!(kept.iter().all(|k| text[k.start..k.end].ends_with('.')));
/// assert!(ignored.iter().any(|i| text[i.start..i.end].starts_with("Home")));
/// assert!(ignored.iter().any(|i| text[i.start..i.end].contains("Share")));
/// ```
#[derive(Debug, Clone)]
pub struct ArticleFinder {
    model: &'static LineModel,
}

impl Default for ArticleFinder {
    fn default() -> Self {
        ArticleFinder { model: LineModel::builtin() }
    }
}

impl ArticleFinder {
    /// A finder with another model (for training and experiments).
    pub fn with_model(model: &'static LineModel) -> ArticleFinder {
        ArticleFinder { model }
    }

    /// Probability that each line of `lines` is article text; `hints` from [`crate::text::html_to_text`].
    pub fn rate(&self, text: &str, lines: &[Span], hints: Option<&[BlockHint]>) -> (Vec<LineLook>, Vec<f32>) {
        let line_hints = hints.map(|h| hints_for_lines(lines, h));
        self.rate_lines(text, lines, line_hints.as_deref())
    }

    /// [`ArticleFinder::rate`] given the hint of each line ([`hints_for_lines`]), which
    /// [`ArticleFinder::find_with_hints`] reads again after rating.
    fn rate_lines(&self, text: &str, lines: &[Span], line_hints: Option<&[Option<BlockHint>]>) -> (Vec<LineLook>, Vec<f32>) {
        let looks = look_at_lines(text, lines);
        let x1 = stage1_inputs(&looks, line_hints);
        let z1: Vec<f32> = x1.chunks_exact(STAGE1_FEATURES).map(|x| logit(&self.model.stage1, x)).collect();
        let x2 = stage2_inputs(&looks, &x1, &z1);
        let p = x2.chunks_exact(STAGE2_FEATURES).map(|x| self.model.stage2_probability(x)).collect();
        (looks, p)
    }

    /// Splits `text` into kept article lines and ignored stretches, both in text order.
    pub fn find(&self, text: &str) -> (Vec<Span>, Vec<Ignored>) {
        self.find_with_hints(text, None)
    }

    /// [`ArticleFinder::find`] for text derived from HTML, helped by what the markup said
    /// about each line ([`crate::text::HtmlText::hints`]).
    ///
    /// ```
    /// use precis::text::{html_to_text, ArticleFinder};
    /// let page = html_to_text("<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>\
    ///     <article><h1>Bridge to close</h1><p>The council voted on Tuesday to close the old bridge to traffic after an inspection.</p>\
    ///     <p>Engineers said it was no longer safe for buses and lorries, and repairs would take a year.</p></article>\
    ///     <footer><a href=/privacy>Privacy</a></footer>");
    /// let (kept, _) = ArticleFinder::default().find_with_hints(&page.text, Some(&page.hints));
    /// let kept: Vec<&str> = kept.iter().map(|k| k.slice(&page.text)).collect();
    /// assert_eq!(kept.len(), 3);
    /// assert_eq!(kept[0], "Bridge to close");
    /// ```
    pub fn find_with_hints(&self, text: &str, hints: Option<&[BlockHint]>) -> (Vec<Span>, Vec<Ignored>) {
        let lines: Vec<Span> = lines(text).collect();
        let line_hints = hints.map(|h| hints_for_lines(&lines, h));
        let (looks, p) = self.rate_lines(text, &lines, line_hints.as_deref());
        // an alt text marks a pasted page; a short clean text may keep its source's character
        // references ("&#163;1.8m") in its own lines
        let is_page = lines.len() >= PAGE_LINES;
        // a short line that is nothing but a prompt, a legal notice or a byline, a headline
        // cut off with "…" or glued to its teaser text or behind "Related:", a caption with a
        // picture credit, a note on how to cite the page, or a widget (a breadcrumb trail,
        // share buttons, the reading time, an advert's label) goes even in a clean text
        let notice = |l: &LineLook| {
            (l.words <= 4 && !l.ends_stop && l.prompt_or_legal())
                || (l.words <= 12 && !l.ends_stop && l.phrase == Some(Phrase::Byline))
                || (l.cut_teaser && l.words <= 15)
                || l.glued_headline
                || l.caption_credit
                || l.related_prefix
                || l.citation_note
                || l.widget.is_some_and(|w| w != Widget::AltText || is_page)
        };
        // past the last confident article line, a legal or prompt phrase, or a note on who wrote
        // the piece ("Jane Doe is a reporter for Example News."), marks furniture even in a
        // sentence (so a sure line is one without either: "Let our news meet your inbox…" is not)
        let said_of_the_page = |l: &LineLook| l.prompt_or_legal() || l.author_note;
        let last_sure =
            (0..lines.len()).rev().find(|&i| is_sure(&looks[i], p[i]) && !said_of_the_page(&looks[i])).map_or(lines.len(), |i| i + 1);
        let trailing_notice = |i: usize| i >= last_sure && said_of_the_page(&looks[i]);
        // in HTML, a line of a figure's caption or credit (not its heading): text about a picture
        let in_caption = |i: usize| line_hints.as_ref().and_then(|h| h[i]).is_some_and(|h| h.caption >= 0.5 && h.heading < 0.5);
        let mut keep: Vec<bool> =
            (0..lines.len()).map(|i| p[i] >= self.model.threshold && !notice(&looks[i]) && !trailing_notice(i) && !in_caption(i)).collect();
        keep_tweet_sign_offs(text, &lines, &mut keep);
        keep_wire_leads(text, &lines, &looks, &|i| !notice(&looks[i]) && !in_caption(i), &mut keep);
        keep_the_paragraphs_above_recommendations(&looks, &p, &mut keep);
        set_aside_comments(&looks, &p, &mut keep);
        // a heading introduces what follows it: one followed by furniture belongs to the furniture
        // ("More from the coast" over a list of related headlines)
        // (one step only: a run of short lines, such as a results table, must not unravel)
        let before = keep.clone();
        for i in 0..lines.len().saturating_sub(1) {
            if before[i] && !before[i + 1] && looks[i].words <= 8 && !looks[i].ends_stop && !is_tweet_sign_off(lines[i].slice(text)) {
                keep[i] = false;
            }
        }
        keep_introduced_lists(text, &lines, &looks, &before, &mut keep);
        if lines.len() >= PAGE_LINES && is_thin_answer(text, &lines, &keep) {
            // a page where next to nothing passed (a results table, a standings page): keep the
            // stretch from the first to the last line that is at all likely, rather than every
            // line of its menus and footers or only the one line that passed
            let likely: Vec<usize> = (0..lines.len()).filter(|&i| p[i] >= LIKELY).collect();
            // how far apart two likely lines stand, in lines, a table's rows left out
            let mut gap_lines = vec![0usize; lines.len() + 1];
            for (i, line) in lines.iter().enumerate() {
                gap_lines[i + 1] = gap_lines[i] + usize::from(!is_table_row(line.slice(text)));
            }
            let gap = |a: usize, b: usize| gap_lines[b + 1] - gap_lines[a + 1];
            if let Some((a, b)) = likely_stretch(&likely, &gap) {
                for i in a..=b {
                    keep[i] = keep[i] || !notice(&looks[i]);
                }
            }
        }
        if !keep.contains(&true) {
            // nothing looks like an article (a note, a list, a fragment): keep it rather than nothing
            keep = looks.iter().map(|l| !notice(l)).collect();
        }
        keep_a_bare_head(&looks, &mut keep);
        set_aside_repeated_lines(text, &lines, &looks, &mut keep);
        set_aside_caps_headlines(&looks, &mut keep);
        set_aside_alt_text_pairs(text, &lines, &looks, &mut keep);
        set_aside_the_head_above_a_byline(text, &lines, &looks, &mut keep);
        set_aside_an_opening_byline(text, &lines, &looks, &mut keep);
        set_aside_a_closing_dateline(text, &lines, &looks, &p, &mut keep);
        let first_kept = keep.iter().position(|&k| k).unwrap_or(lines.len());
        let last_kept = keep.iter().rposition(|&k| k).map_or(0, |i| i + 1);
        let mut kept = Vec::new();
        let mut ignored: Vec<Ignored> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            if keep[i] {
                kept.push(*line);
                continue;
            }
            let look = &looks[i];
            let reason = match look.widget {
                Some(Widget::Breadcrumb | Widget::Keywords | Widget::BackLink | Widget::NextLink) => IgnoredReason::Navigation,
                Some(Widget::ShareButtons) => IgnoredReason::Prompt,
                Some(Widget::ReadingTime | Widget::AltText) => IgnoredReason::Byline,
                Some(Widget::AdLabel | Widget::ScriptNotice | Widget::Shortcode) => IgnoredReason::Boilerplate,
                None => match look.phrase {
                    Some(Phrase::Prompt) => IgnoredReason::Prompt,
                    Some(Phrase::Boilerplate) => IgnoredReason::Boilerplate,
                    Some(Phrase::Byline) => IgnoredReason::Byline,
                    None if look.caption_credit || look.author_note => IgnoredReason::Byline,
                    None if look.citation_note => IgnoredReason::Boilerplate,
                    None if look.cut_off || look.glued_headline || look.related_prefix || look.caps_headline => IgnoredReason::Related,
                    None if i < first_kept || look.words <= 4 => IgnoredReason::Navigation,
                    None if i >= last_kept && look.ends_stop => IgnoredReason::Boilerplate,
                    None => IgnoredReason::Related,
                },
            };
            match ignored.last_mut() {
                // merge neighbours with the same reason when only white space lies between
                Some(last) if last.reason == reason && text[last.end..line.start].trim().is_empty() => last.end = line.end,
                _ => ignored.push(Ignored { start: line.start, end: line.end, reason }),
            }
        }
        (kept, ignored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_layer_gives_the_bits_of_one_logit_a_row() {
        let model = LineModel::builtin();
        let layer = &model.hidden[..HIDDEN * (STAGE2_FEATURES + 1)];
        for seed in 0..20u32 {
            let x: Vec<f32> = (0..STAGE2_FEATURES as u32).map(|k| ((k * 7 + seed * 13) % 11) as f32 / 3.0 - 1.5).collect();
            let x = if seed == 0 { vec![0.0; STAGE2_FEATURES] } else { x };
            let want: Vec<u32> = layer.chunks_exact(STAGE2_FEATURES + 1).map(|row| logit(row, &x).tanh().to_bits()).collect();
            let got: Vec<u32> = hidden_layer(layer, &x).iter().map(|h| h.to_bits()).collect();
            assert_eq!(got, want, "seed {seed}");
        }
    }

    /// A table of (name, lines, keep before, keep wanted) cases, `keep` written as 'k' (kept)
    /// and '.' (set aside) a line.
    type Cases<'a> = &'a [(&'a str, &'a [&'a str], &'a str, &'a str)];

    /// Runs `rule` on the lines of each case's text, joined, and checks what it keeps.
    fn check(cases: Cases, rule: impl Fn(&str, &[Span], &[LineLook], &mut [bool])) {
        for (name, text, keep, want) in cases {
            let text = text.join("\n");
            let lines: Vec<Span> = lines(&text).collect();
            let looks = look_at_lines(&text, &lines);
            let mut keep: Vec<bool> = keep.chars().map(|c| c == 'k').collect();
            rule(&text, &lines, &looks, &mut keep);
            let got: String = keep.iter().map(|&k| if k { 'k' } else { '.' }).collect();
            assert_eq!(&got, want, "{name}");
        }
    }

    #[test]
    fn headings_that_end_the_article() {
        let body = "The harbour authority said on Monday that the old lighthouse on the north pier will be restored over the next two years, with the work to start in the spring.";
        let teaser = "Fishermen return to the north pier";
        let bio = "Tomas Berg has written about the harbour and its boats for the paper since he left school, and lives in the old town.";
        let cases: Cases = &[
            ("related pieces after the article", &[body, body, body, "Related articles", teaser, teaser], "kkkkkk", "kkk..."),
            ("a box on the writer, then related pieces", &[body, body, body, "About Tomas Berg", bio, "Weitere Beiträge zum Thema", teaser], "kkkkkkk", "kkk...."),
            ("related pieces inside the article", &[body, body, body, "Related articles", teaser, teaser, body, body], "kkkkkkkk", "kkkkkkkk"),
            ("a bare heading of related pieces", &[body, body, body, "Related", body, teaser, teaser, teaser, teaser], "kkkkkkkkk", "kkk......"),
            ("a bare heading inside the article", &[body, body, body, "RELATED:", teaser, teaser, body, body], "kkkkkkkk", "kkkkkkkk"),
            ("a menu's about page", &[body, body, body, "About us", teaser], "kkkkk", "kkkkk"),
            ("comments", &[body, body, body, "View Comments", body], "kkkkk", "kkk.."),
            ("recommended pieces, however well written", &[body, body, body, "You may also like", body, body, body, body], "kkkkkkkk", "kkk....."),
            ("a link to the next piece, its headline and standfirst", &[body, body, body, "- Next Harbour News", teaser, teaser], "kkkkkk", "kkk..."),
            ("recommended pieces above the article", &["You may also like", teaser, body, body, body, body], "kkkkkk", "kkkkkk"),
        ];
        check(cases, |_, _, looks, keep| {
            // as the model rates them: sure on the long kept lines, unsure on the others
            let p: Vec<f32> = looks.iter().zip(keep.iter()).map(|(l, &k)| if k && l.words >= 20 { 0.95 } else { 0.5 }).collect();
            set_aside_comments(looks, &p, keep)
        });
    }

    #[test]
    fn comments_below_an_article_the_model_is_unsure_of() {
        let body = "The harbour authority said on Monday that the old lighthouse on the north pier will be restored over the next two years, with the work to start in the spring.";
        let comment = "I walked past the lighthouse last summer and the railings were already in a very poor state, so this is good news.";
        let cases: Cases = &[
            ("comments rated above the article", &[body, body, body, "[ 48 comments ]", "pierwalker", comment, comment], "kkk..kk", "kkk...."),
            ("a comment counter by the headline", &["Lighthouse to be restored", "[ 48 comments ]", body, body, body], "k.kkk", "k.kkk"),
            ("too little article above the heading", &[body, "View Comments", comment, comment], "k.kk", "k.kk"),
        ];
        check(cases, |text, lines, looks, keep| {
            // as a model that has not seen the site may rate them: the article kept but not
            // sure, the comments sure
            let p: Vec<f32> = lines.iter().zip(keep.iter()).map(|(l, &k)| if l.slice(text) == comment { 0.97 } else if k { 0.6 } else { 0.1 }).collect();
            set_aside_comments(looks, &p, keep)
        });
    }

    #[test]
    fn a_paragraph_above_recommended_pieces() {
        let piece = "Every harbour has its own light, and every light its keeper, who climbs the stairs at dusk and comes down at dawn; the keeper of the north pier has done so for thirty years, through storms and calm nights, and says he would not change a single one of them for anything else.";
        let other = "A light on the shore is a promise that someone is awake and watching over the boats.";
        let cases: Cases = &[
            ("a piece the model was unsure of", &["Home", "Messages", piece, "You may also like", other, "Share", other], "....k.k", "..k...."),
            ("a menu's heading above the article", &["You may also like", "Home", piece, piece], "..kk", "..kk"),
            ("the article is kept above the heading", &[piece, "You may also like", other], "k.k", "k.k"),
            ("no paragraph above the heading", &["Home", other, "You may also like", other], "...k", "...k"),
        ];
        check(cases, |_, _, looks, keep| {
            let p: Vec<f32> = keep.iter().map(|&k| if k { 0.9 } else { 0.15 }).collect();
            keep_the_paragraphs_above_recommendations(looks, &p, keep)
        });
    }

    #[test]
    fn a_box_of_related_pieces_inside_the_article() {
        let body = "The harbour authority said on Monday that the old lighthouse on the north pier will be restored over the next two years, with the work to start in the spring.";
        let sentence = "Engineers found the lamp room in good order.";
        let teaser = "Fishermen Return to the North Pier After Ten Years";
        let cases: Cases = &[
            ("sentences below the box", &[body, body, body, "Related articles", teaser, teaser, sentence, sentence], "kkkkkkkk", "kkkkkkkk"),
            ("only headlines below the box", &[body, body, body, "Related articles", teaser, teaser, teaser, teaser, teaser], "kkkkkkkkk", "kkk......"),
        ];
        check(cases, |_, _, looks, keep| {
            // sure on the long lines, fairly sure of the short sentences and the teasers
            let p: Vec<f32> = looks.iter().map(|l| if l.words >= 20 { 0.95 } else if l.words >= 8 { 0.75 } else { 0.5 }).collect();
            set_aside_comments(looks, &p, keep)
        });
    }

    #[test]
    fn widgets_go_even_in_a_clean_text() {
        let body = "The harbour authority said on Monday that the old lighthouse on the north pier will be restored over the next two years.";
        let cases: &[(&str, IgnoredReason)] = &[
            ("Home > Harbour > Lighthouses", IgnoredReason::Navigation),
            ("Twitter Facebook WhatsApp", IgnoredReason::Prompt),
            ("Tempo de leitura: 2 minutos", IgnoredReason::Byline),
        ];
        for (widget, reason) in cases {
            let text = format!("{widget}\n{body}\n{body} It will reopen in May.\n{body} Work starts soon.");
            let (kept, ignored) = ArticleFinder::default().find(&text);
            assert_eq!(kept.len(), 3, "{widget:?}");
            assert_eq!(ignored.len(), 1, "{widget:?}");
            assert_eq!((&text[ignored[0].start..ignored[0].end], ignored[0].reason), (*widget, *reason));
        }
    }

    #[test]
    fn caps_headlines_inside_the_article() {
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let link = "FERRY FARES RISE FOR THE WINTER, OPERATOR SAYS IT HAS NO CHOICE";
        let cases: Cases = &[
            ("a link between paragraphs", &[body, link, body], "kkk", "k.k"),
            ("the text's own headline", &[link, body, body], "kkk", "kkk"),
            ("below a set-aside top", &["Home", link, body, body], ".kkk", ".kkk"),
            ("a short heading", &[body, "HOW THE LIGHT WAS SAVED", body], "kkk", "kkk"),
        ];
        check(cases, |_, _, looks, keep| set_aside_caps_headlines(looks, keep));
    }

    #[test]
    fn character_references_in_a_clean_text() {
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let cases: &[(&str, usize)] = &[
            ("&#163;2m to restore the harbour&#39;s light", 0),
            ("The caf&#233; on the pier will stay open while the work goes on, the authority said.", 0),
        ];
        for (line, ignored) in cases {
            let text = format!("{line}\n{body}\n{body} It will reopen in May.\n{body} Work starts soon.");
            assert_eq!(ArticleFinder::default().find(&text).1.len(), *ignored, "{line:?}");
        }
        // on a page (40 lines or more) the same line is a picture's alt text
        let mut page: Vec<&str> = vec![body; 45];
        page[20] = "Workers on the harbour&#39;s north pier at dusk";
        let text = page.join("\n");
        let ignored = ArticleFinder::default().find(&text).1;
        assert!(ignored.iter().any(|i| text[i.start..i.end].contains("&#39;")));
    }

    #[test]
    fn repeated_lines() {
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let caption = "The north pier light at dusk, seen from the ferry on Tuesday.";
        let later = "Engineers said the lamp room was in good order and the lens could be saved.";
        let cases: Cases = &[
            ("a caption given twice", &[body, caption, caption, later], "kkkk", "kk.k"),
            ("a repeat of a set-aside line", &[body, caption, caption, later], "k.kk", "k.kk"),
            ("short repeats", &[body, "Northport, Tuesday", "Northport, Tuesday", later], "kkkk", "kkkk"),
        ];
        check(cases, set_aside_repeated_lines);
    }

    #[test]
    fn alt_text_pairs() {
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let later = "Engineers said the lamp room was in good order and the lens could be saved.";
        let alt = "Harbour Days 2024 North Pier Light_Ana Ruiz";
        let caption = "North Pier Light by Ana Ruiz";
        let cases: Cases = &[
            ("alt text above its caption", &[body, alt, caption, later], "kkkk", "k..k"),
            ("a caption then its alt text", &[body, caption, alt, later], "kkkk", "k..k"),
            ("the first kept line stays", &[alt, caption, body, later], "kkkk", "kkkk"),
            ("a sentence is no caption", &[body, "North Pier Light by Ana Ruiz, the judges said.", alt, later], "kkkk", "kkkk"),
            ("two words are too few", &[body, "Ana Ruiz", alt, later], "kkkk", "kkkk"),
            ("words the other lacks", &[body, "North Pier Light at dawn", alt, later], "kkkk", "kkkk"),
            ("a set-aside neighbour", &[body, alt, caption, later], "k.kk", "k.kk"),
            ("a heading above a sentence", &[body, "Risks to the plan", "We do see risks to the plan:", later], "kkkk", "kkkk"),
            ("a table's rows", &[body, "Pos\tName\tPlays", "Pos\tName\tPlays\tStats", later], "kkkk", "kkkk"),
            ("equal lines", &[body, caption, caption, later], "kkkk", "kkkk"),
        ];
        check(cases, set_aside_alt_text_pairs);
    }

    #[test]
    fn the_stretch_of_a_thin_answer() {
        // the likely lines, and the stretch they give
        type Case<'a> = (&'a [usize], Option<(usize, usize)>);
        let cases: &[Case] = &[
            (&[], None),
            (&[7], Some((7, 7))),
            (&[3, 5, 9], Some((3, 9))),
            (&[2, 40, 45, 50], Some((40, 50))),
            (&[40, 45, 50, 90], Some((40, 50))),
            (&[2, 40, 45, 50, 90], Some((40, 50))),
            (&[2, 40], Some((40, 40))),
        ];
        for (likely, want) in cases {
            assert_eq!(likely_stretch(likely, &|a, b| b - a), *want, "{likely:?}");
        }
        // the rows of a table between lines 5 and 40 are no gap
        let rows = |a: usize, b: usize| (a + 1..=b).filter(|&i| !(6..40).contains(&i)).count();
        assert_eq!(likely_stretch(&[5, 40, 42], &rows), Some((5, 42)));
        assert_eq!(likely_stretch(&[5, 40, 42], &|a, b| b - a), Some((40, 42)));
    }

    #[test]
    fn tweet_sign_offs() {
        let cases: &[(&str, bool)] = &[
            ("— Tomas Berg (@tomasberg) November 19, 2026", true),
            ("– Harbour Authority (@Harbour_Auth) 2 March 2026", true),
            ("- Jo (@jo) March 2, 2026", true),
            ("— (@tomasberg) November 19, 2026", false),
            ("Tomas Berg (@tomasberg) is a reporter for the paper.", false),
            ("— Tomas Berg (@) November 19, 2026", false),
            ("— Tomas Berg (@a handle with spaces) November 19, 2026", false),
            ("— Tomas Berg, harbour master", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_tweet_sign_off(line), *want, "{line:?}");
        }
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let tweet = "The light on the north pier shines again tonight, for the first time in ten years.";
        let sign_off = "— Harbour Authority (@HarbourAuth) March 2, 2026";
        let cases: Cases = &[
            ("after the tweet", &[body, tweet, sign_off, body], "kk.k", "kkkk"),
            ("after the tweet, at the end", &[body, tweet, sign_off, "Most Popular"], "kk..", "kkk."),
            ("after a set-aside line", &[body, "Share", sign_off, body], "k..k", "k..k"),
        ];
        check(cases, |text, lines, _, keep| keep_tweet_sign_offs(text, lines, keep));
    }

    #[test]
    fn wire_leads() {
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let lead = "NORTHPORT, Maine (AP) — The harbour authority voted on Monday to restore the old lighthouse on the north pier.";
        let cases: Cases = &[
            ("a lead below the page's top", &["Home", lead, body, body], "..kk", ".kkk"),
            ("a lead with a tag in capitals", &["Home", "Northport (Harbour News) -- The harbour authority voted on Monday to restore the old lighthouse.", body], "..k", ".kk"),
            ("nothing kept below", &["Home", lead, "Share", body], "...k", "...k"),
            ("a time, then text below", &["Home", lead, "10 a.m.", body], "..kk", ".kkk"),
            ("short lines below", &["Home", lead, "Northport harbour", "Pier", body], "..kkk", "..kkk"),
            ("too short for a lead", &["Home", "NORTHPORT (AP) — The light is back.", body], "..k", "..k"),
            ("no agency's tag", &["Home", "The harbour authority (which runs the pier) voted on Monday to restore the old lighthouse.", body], "..k", "..k"),
            ("set aside by a rule", &["Home", lead, body], "..k", "..k"),
        ];
        check(cases, |text, lines, looks, keep| {
            // the last case's lead stands for one a rule set aside
            let ruled = looks.len() == 3 && lines[1].slice(text).starts_with("NORTHPORT, Maine");
            keep_wire_leads(text, lines, looks, &|_| !ruled, keep)
        });
    }

    #[test]
    fn lists_the_article_introduces() {
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let cases: Cases = &[
            ("a list between article lines", &[body, "The work will be shared by three firms:", "Northport Ironworks", "Harbour Glass", body], "kk..k", "kkkkk"),
            ("nothing kept after it", &[body, "The work will be shared by three firms:", "Northport Ironworks", "Harbour Glass"], "kk..", "kk.."),
            ("a form's label", &[body, "Search for:", "Home", body], "kk.k", "kk.k"),
            ("an item with a prompt", &[body, "The work will be shared by three firms:", "Northport Ironworks", "Share this article", body], "kk..k", "kk..k"),
            (
                "items of one shape at the end",
                &[body, "The ferry will call at these ports:", "June 9 -- Northport, North Pier", "June 10 -- Harbour Gap, East Quay", "June 12 -- Oldtown, Ferry Steps", "Share", "Most Popular"],
                "kk.....",
                "kkkkk..",
            ),
            (
                "too few items of one shape",
                &[body, "The ferry will call at these ports:", "June 9 -- Northport, North Pier", "June 10 -- Harbour Gap, East Quay", "Share", "Most Popular"],
                "kk....",
                "kk....",
            ),
            (
                "items of two shapes",
                &[body, "The ferry will call at these ports:", "June 9 -- Northport, North Pier", "June 10: Harbour Gap, East Quay", "June 12 -- Oldtown, Ferry Steps", "Most Popular"],
                "kk....",
                "kk....",
            ),
        ];
        check(cases, |text, lines, looks, keep| {
            let rated = keep.to_vec();
            keep_introduced_lists(text, lines, looks, &rated, keep)
        });
    }

    #[test]
    fn a_byline_the_kept_text_opens_with() {
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let cases: Cases = &[
            ("a date below a set-aside byline", &["Lighthouse to be restored", "By Tomas Berg", "Monday, March 2, 2026", body, body], "..kkk", "...kk"),
            ("a byline with its date", &["Home", "News", "By Tomas Berg / 2026.03.02", body, body], "..kkk", "...kk"),
            ("the text's first line", &["Monday, March 2, 2026", body, body], "kkk", "kkk"),
            ("a sentence with a date", &["Home", "On March 2, 2026 the council met.", body, body], ".kkk", ".kkk"),
            ("too little below", &["Home", "Monday, March 2, 2026", "The light will be repaired."], ".kk", ".kk"),
            ("not the first kept line", &["Home", body, "Monday, March 2, 2026", body, body], ".kkkk", ".kkkk"),
        ];
        check(cases, set_aside_an_opening_byline);
    }

    #[test]
    fn a_dateline_the_kept_text_ends_with() {
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let cases: Cases = &[
            ("an update's time", &[body, body, "Updated at 1:23 p.m.", "Most Popular"], "kkk.", "kk.."),
            ("a published date in brackets", &[body, body, "(Published Monday, March 2, 2026)"], "kkk", "kk."),
            ("a list's last date", &[body, body, "March 10 -- The Pavilion, Northport"], "kkk", "kkk"),
            ("a tweet's sign-off", &[body, body, "— Harbour Authority (@HarbourAuth) March 2, 2026"], "kkk", "kkk"),
            ("a sentence", &[body, body, "Updated on March 2, 2026, the plan was approved."], "kkk", "kkk"),
            ("not the last kept line", &[body, "Updated at 1:23 p.m.", body], "kkk", "kkk"),
        ];
        check(cases, |text, lines, looks, keep| {
            let p: Vec<f32> = looks.iter().map(|l| if l.words >= 15 { 0.95 } else { 0.5 }).collect();
            set_aside_a_closing_dateline(text, lines, looks, &p, keep)
        });
    }

    #[test]
    fn the_head_above_a_byline() {
        let body = "The harbour authority said the old lighthouse on the north pier will be restored over two years.";
        let cases: Cases = &[
            ("headline and standfirst", &["Lighthouse to be restored", "The light will be repaired.", "By Tomas Berg", body, body], "kk.kk", "...kk"),
            ("a dateline", &["Lighthouse to be restored", "March 5, 2026", body, body], "k.kk", "..kk"),
            ("a picture credit is no byline", &[body, "Photo by Jane Doe", body, body], "k.kk", "k.kk"),
            ("too much above", &[body, body, body, "By Tomas Berg", body, body, body, body], "kkk.kkkk", "kkk.kkkk"),
            ("too little below", &["Lighthouse to be restored", "By Tomas Berg", "The light will be repaired."], "k.k", "k.k"),
            ("a kept dateline below a page's top", &["Home", "Lighthouse to be restored", "Monday March 2, 2026 7:45 am by Tomas Berg", body, body], ".kkkk", "...kk"),
            ("a kept dateline at a clean text's top", &["Lighthouse to be restored", "March 5, 2026", body, body], "kkkk", "kkkk"),
            ("a kept sentence with a date", &["Home", "Lighthouse to be restored", "On March 5, 2026 the council met.", body, body], ".kkkk", ".kkkk"),
            ("a kept dateline ending in p.m.", &["Home", "Lighthouse to be restored", "Updated at 1:23 p.m.", body, body], ".kkkk", "...kk"),
            ("a long kept dateline", &["Home", "Lighthouse to be restored", "Monday March 2, 2026 7:45 am by Tomas Berg and Jane Doe", body, body], ".kkkk", ".kkkk"),
        ];
        check(cases, set_aside_the_head_above_a_byline);
    }
}
