//! Trains the article finder's line model (`src/text/article_model.txt`).
//!
//! ```text
//! cargo run --release --example train_article -- [--data ../shared/data] [--out src/text/article_model.txt]
//!     [--cv 5 --answers /tmp/cv]   # k-fold answers for clean_eval.py --answers, model not written
//!     [--fold-by-page]              # with --cv: the old folds (page index mod K), not grouped by site
//!     [--seed N]                    # other starting weights for the network (0, the default, made the committed model)
//!     [--models DIR]                # with --cv: reuse fold models saved in DIR (same features), else save them there
//!     [--swa-from N]                # average each network's weights over the ends of epochs N.. (default: none)
//!     [--l2 X]                      # L2 strength on the networks' weights (default 1e-5)
//! ```
//!
//! The committed model: `cargo run --release --example train_article -- --data ../shared/data`
//! (`--networks K`, `--epochs N` and `--threshold P` override the defaults chosen by cross-validation).
//!
//! Training data, dev/train parts only:
//! - pasted-pages/dev (pasted.txt and pasted.clipboard.txt of every page). A line is article
//!   text when it lies in truth.txt in the right order: long lines (>= 40 chars) found in the
//!   truth are anchors, and a shorter line counts only if it occurs in the truth between the
//!   anchors around it (so a menu item "Sport" is not article text because the word occurs
//!   somewhere in the article).
//! - clean articles, where every line is article text: conll2003/eng.train (as the NER scorer
//!   builds it: tokens joined by spaces, one sentence a line), and the first documents of
//!   bbc-news-summary/dev, polnear/dev and cnn-dailymail-raw/dev.
//!
//! Two logistic regressions (full batch, Adam, L2), the second on the first's logits of the
//! neighbouring lines; each page weighs the same, within a page a line weighs by its words.
//!
//! Measuring: the networks' starting weights move the pasted-pages dev CV F1 by about ±0.005
//! (txt, seed 0/5/10 on the committed settings: 0.9443 / 0.9363 / 0.9327), and a page whose
//! whole answer flips (a standings table) moves it by 0.003 to 0.01, so compare variants on the
//! mean of `--seed 0`, `5` and `10` (aeb pages, as `scripts/eval.sh` scores them), not on one run.
//! Figures up to session 17 are on the old folds, which leak sites (see session 18 below).
//!
//! Tried (means of seeds 0/5/10, aeb dev CV F1 txt / clip / html):
//! - before this session: 0.9378 / 0.9354 / 0.9762 (seed 0: 0.9443 / 0.9445 / 0.9802).
//! - `--networks 8`: 0.9355 / 0.9413 / 0.9778, steadier across seeds but not better on txt and
//!   the model 8/3 the size; kept 3.
//! - picture-credit features (a short credit line such as "Photo: …" or "Courtesy of …", a
//!   credit glued to a caption's end; stage 2: the line before or after is a credit) and
//!   neighbour features (the lines around are paragraphs, a short fragment between two
//!   paragraphs), with 8 networks: 0.9317 / 0.9368 / 0.9738 against 0.9355 / 0.9413 / 0.9778;
//!   the credit features alone: 0.9385 / 0.9407 / 0.9747. Not kept: the truth keeps captions
//!   and credits on some sites and leaves them out on others, and the credit lines themselves
//!   rose in rating.
//! - a headline glued to its teaser after a number ("…To 5,000The trust…") counts as glued,
//!   and a page whose only paragraph of prose stands above a "You may also like" heading keeps
//!   it (rules in `ArticleFinder`): 0.9477 / 0.9500 / 0.9759 (seed 0: 0.9505 / 0.9553 / 0.9798).
//!   Per seed 0 / 5 / 10: txt 0.9505 / 0.9483 / 0.9444, clip 0.9552 / 0.9465 / 0.9483, html
//!   0.9798 / 0.9741 / 0.9739; leaks (tail / head, mean) txt 0 / 0.034, clip 0 / 0.011, html 0 / 0.037.
//! - session 17: a thin answer's stretch counts a table's rows (lines with tabs) as one block,
//!   not as a gap that leaves the likely line above the table alone (the rule in
//!   `ArticleFinder`; rules only, the fold models reused): 0.9510 / 0.9500 / 0.9759 (txt per
//!   seed 0.9554 / 0.9483 / 0.9494, leaks unchanged). The standings page it mends flipped
//!   between 0.10 and 0.99 with the seed; now 0.97 to 1.0 on every seed.
//! - session 17, the networks' weights averaged over the ends of epochs 12 to 24 (`--swa-from
//!   12`, the same size): 0.9509 / 0.9500 / 0.9761, txt per seed 0.9559 / 0.9467 / 0.9501:
//!   no better and no steadier across seeds than the last epoch's weights. Not kept (default none).
//! - session 17, the keep threshold (rules only, fold models reused; 0.4 gives 0.9510 / 0.9500
//!   / 0.9759): 0.2 0.9455 / 0.9426 / 0.9741 (head leak txt 0.052, html 0.060); 0.25 0.9510 /
//!   0.9479 / 0.9759 (html head 0.052); 0.3 0.9524 / 0.9527 / 0.9765 (html head 0.041); 0.35
//!   0.9519 / 0.9533 / 0.9762 (leaks unchanged); 0.45 0.9499 / 0.9491 / 0.9753 (clip head
//!   0.015); 0.5 0.9476 / 0.9483 / 0.9752. 0.35 is within seed noise of 0.4 and keeps more,
//!   where test's clip head leak (0.065) is already the weak point: kept 0.4.
//! - session 17, label noise: a line's text that 3 or more pages share, with 75% or more of
//!   them agreeing on its label, disagrees on only 105 line instances of 22 pages ("U.S.",
//!   "Search", "3": one-word lines of little weight); not worth a reweighting, not tried.
//! - session 17, the article reaching up over paragraphs of prose (full sentences of 8 words or
//!   more rated 0.1 or more, gaps of at most 3 short lines) above its first kept line: 0.9518 /
//!   0.9508 / 0.9755; mends a page whose first half is cut off by a picture (0.54 to 0.75 on
//!   one seed) but leaks standfirsts on three others. Not kept.
//! - session 18, folds grouped by site (now the default of `--cv`; `--fold-by-page` gives the
//!   old ones): the 136 dev pages come from 115 sites, and the old folds (page index mod K) put
//!   pages of one site (its menus and footers) on both sides of a fold. Means of seeds 0/5/10,
//!   F1 txt / clip / html (head leak; tail leak 0 throughout):
//!
//!   | folds                 | txt             | clip            | html            |
//!   |-----------------------|-----------------|-----------------|-----------------|
//!   | page index mod 5      | 0.9510 (0.034)  | 0.9500 (0.011)  | 0.9759 (0.037)  |
//!   | grouped by site       | 0.9434 (0.037)  | 0.9447 (0.015)  | 0.9710 (0.045)  |
//!
//!   Grouped CV is closer to test (main: txt 0.931, clip 0.927, html 0.969). Under it none of
//!   these beat the shipped settings beyond seed noise: `--networks 6` 0.9436 / 0.9459 / 0.9716
//!   (html head 0.049), `--networks 9` 0.9435 / 0.9452 / 0.9724 (html head 0.052); threshold
//!   0.3 0.9453 / 0.9439 / 0.9717 (html head 0.052), 0.35 0.9429 / 0.9457 / 0.9712, 0.45
//!   0.9412 / 0.9423 / 0.9710; `--epochs 16` 0.9471 / 0.9435 / 0.9719, 32 0.9428 / 0.9455 /
//!   0.9714; `--l2 1e-4` 0.9449 / 0.9443 / 0.9737 (html head 0.052), `1e-6` 0.9437 / 0.9431 /
//!   0.9708. Leaving out a rule of `ArticleFinder` (fold models reused): the bare head, the
//!   closing dateline or the tweet sign-off moves nothing by more than 0.0002; without the
//!   opening byline the head leaks rise (txt 0.052, clip 0.022, html 0.056) and tails leak
//!   (txt 0.008, html 0.011), so it stays. Notices said of the page above the first sure line
//!   set aside as below the last: 0.9434 / 0.9447 / 0.9709, nothing.
//! - session 19, a comments heading (or a heading that ends the article) set aside once a
//!   kept line of 8 words or more stands above it, not only a line rated sure (0.9): grouped CV
//!   0.9475 / 0.9488 / 0.9756 against 0.9434 / 0.9447 / 0.9710, every seed up on every input,
//!   leaks unchanged, no page worse; a site's comments the model has not seen can rate above
//!   its article (a forum-like page, 0.41 to 0.97 on txt and clip; on html another, 0.33 to
//!   1.0). The shipped model's in-sample dev answers and the summary dev scores are unchanged.

use precis::text::article::{hints_for_lines, lines, logit, stage1_inputs, stage2_inputs, LineModel, HIDDEN, STAGE1_FEATURES, STAGE2_FEATURES};
use precis::text::html::{html_to_text, BlockHint};
use precis::text::ArticleFinder;
use precis::text::line_features::look_at_lines;
use precis::Span;
use std::fs;
use std::path::{Path, PathBuf};

/// Passes over the training lines (24 beat 12 and 40 on the cross-validated dev answers).
const EPOCHS: usize = 24;
/// First epoch whose end's weights are averaged into a network's (`EPOCHS`: none, the last
/// epoch's weights alone).
const SWA_FROM: usize = EPOCHS;
/// L2 strength on the second model's network weights.
const NET_L2: f32 = 1e-5;
/// Networks averaged in the second model (chosen on the cross-validated dev answers).
const NETWORKS: usize = 3;
/// Chosen on the cross-validated dev answers: below 0.5, as keeping is the safer error.
const THRESHOLD: f32 = 0.4;

struct Doc {
    id: String,
    /// The site a pasted page comes from ([`site_of`]); empty for clean texts.
    site: String,
    input: &'static str,
    text: String,
    lines: Vec<Span>,
    labels: Vec<f32>,
    weights: Vec<f32>,
    pasted: bool,
    hints: Option<Vec<BlockHint>>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Labels lines by ordered alignment with the truth (see the module comment).
fn align_labels(text: &str, lines: &[Span], truth: &str) -> Vec<f32> {
    let truth = collapse(truth);
    let cl: Vec<String> = lines.iter().map(|l| collapse(l.slice(text))).collect();
    // anchors: (line index, truth start, truth end), monotone
    let mut anchors: Vec<(usize, usize, usize)> = Vec::new();
    let mut cursor = 0;
    for (i, c) in cl.iter().enumerate() {
        if c.chars().count() >= 40 {
            if let Some(p) = truth[cursor..].find(c.as_str()) {
                anchors.push((i, cursor + p, cursor + p + c.len()));
                cursor += p + c.len();
            }
        }
    }
    let mut labels = vec![0.0; lines.len()];
    let mut next_anchor = 0;
    let slack = 200;
    for (i, c) in cl.iter().enumerate() {
        while next_anchor < anchors.len() && anchors[next_anchor].0 < i {
            next_anchor += 1;
        }
        if next_anchor < anchors.len() && anchors[next_anchor].0 == i {
            labels[i] = 1.0;
            continue;
        }
        let lo = if next_anchor > 0 { anchors[next_anchor - 1].2.saturating_sub(slack) } else { 0 };
        let hi = if next_anchor < anchors.len() { (anchors[next_anchor].1 + slack).min(truth.len()) } else { truth.len() };
        let (mut lo, mut hi) = (lo, hi.max(lo));
        while !truth.is_char_boundary(lo) {
            lo -= 1;
        }
        while !truth.is_char_boundary(hi) {
            hi += 1;
        }
        if !c.is_empty() && truth[lo..hi].contains(c.as_str()) {
            labels[i] = 1.0;
        }
    }
    labels
}

fn weights_for(text: &str, lines: &[Span], total: f32) -> Vec<f32> {
    let words: Vec<f32> = lines.iter().map(|l| l.slice(text).split_whitespace().count() as f32).collect();
    let sw: f32 = words.iter().map(|w| w + 1.0).sum::<f32>().max(1.0);
    let n = lines.len().max(1) as f32;
    words.iter().map(|w| total * (0.85 * (w + 1.0) / sw + 0.15 / n)).collect()
}

/// The site of pasted page `id` in `dir`, as one name for every page sharing its furniture:
/// for a benchmark page the domain of its URL without the public suffix and subdomains
/// ("www.sfgate.com" and "sfgate.com" are "sfgate", "news.sky.com" is "sky", "www.bbc.co.uk"
/// "bbc"); for a Readability page (no URL) its name without the number ("rdb-yahoo-3" is
/// "yahoo"), so that the two sources' pages of a site ("nytimes") go together too.
fn site_of(dir: &Path, id: &str) -> String {
    let meta: serde_json::Value = fs::read_to_string(dir.join("meta.json")).ok().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
    if let Some(url) = meta["url"].as_str() {
        let host = url.split("://").nth(1).unwrap_or(url).split(['/', ':', '?']).next().unwrap_or("");
        let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
        // a country code or a generic suffix ends the name: "co.uk", "com.br", "com"
        while labels.len() > 1 && labels.last().is_some_and(|l| l.len() <= 2 || ["com", "org", "net", "gov", "edu", "info"].contains(l)) {
            labels.pop();
        }
        return labels.last().unwrap_or(&host).to_lowercase();
    }
    let name = id.split_once('-').map_or(id, |(_, rest)| rest);
    name.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end_matches('-').to_lowercase()
}

fn load_pasted(data: &Path, rdb_weight: f32) -> Vec<Doc> {
    let mut docs = Vec::new();
    let dir = data.join("pasted-pages/dev");
    let mut ids: Vec<PathBuf> = fs::read_dir(&dir).expect("pasted-pages/dev").flatten().map(|e| e.path()).collect();
    ids.sort();
    for d in ids {
        let id = d.file_name().unwrap().to_string_lossy().to_string();
        let Ok(truth) = fs::read_to_string(d.join("truth.txt")) else { continue };
        let page_weight = if id.starts_with("aeb") { 100.0 } else { rdb_weight };
        let site = site_of(&d, &id);
        for (file, input) in [("pasted.txt", "txt"), ("pasted.clipboard.txt", "clip")] {
            let Ok(text) = fs::read_to_string(d.join(file)) else { continue };
            let ls: Vec<Span> = lines(&text).collect();
            let labels = align_labels(&text, &ls, &truth);
            let weights = weights_for(&text, &ls, page_weight);
            docs.push(Doc { id: id.clone(), site: site.clone(), input, text, lines: ls, labels, weights, pasted: true, hints: None });
        }
        if let Ok(html) = fs::read_to_string(d.join("pasted.html")) {
            let derived = html_to_text(&html);
            let ls: Vec<Span> = lines(&derived.text).collect();
            let labels = align_labels(&derived.text, &ls, &truth);
            let weights = weights_for(&derived.text, &ls, page_weight);
            docs.push(Doc { id: id.clone(), site: site.clone(), input: "html", text: derived.text, lines: ls, labels, weights, pasted: true, hints: Some(derived.hints) });
        }
    }
    docs
}

fn clean_doc(id: String, text: String, weight: f32) -> Doc {
    let ls: Vec<Span> = lines(&text).collect();
    let labels = vec![1.0; ls.len()];
    let weights = weights_for(&text, &ls, weight);
    Doc { id, site: String::new(), input: "clean", text, lines: ls, labels, weights, pasted: false, hints: None }
}

fn load_clean(data: &Path, per_set: usize) -> Vec<Doc> {
    let mut docs = Vec::new();
    // CoNLL as the NER scorer sees it
    if let Ok(conll) = fs::read_to_string(data.join("conll2003/eng.train")) {
        let mut doc: Vec<String> = Vec::new();
        let mut sent: Vec<String> = Vec::new();
        let mut n = 0;
        let flush = |doc: &mut Vec<String>, docs: &mut Vec<Doc>, n: &mut usize| {
            if !doc.is_empty() && *n < per_set {
                docs.push(clean_doc(format!("conll-{n}"), doc.join("\n"), 40.0));
                *n += 1;
            }
            doc.clear();
        };
        for line in conll.lines() {
            let tok = line.split(' ').next().unwrap_or("");
            if tok == "-DOCSTART-" {
                flush(&mut doc, &mut docs, &mut n);
            } else if line.trim().is_empty() {
                if !sent.is_empty() {
                    doc.push(sent.join(" "));
                    sent.clear();
                }
            } else {
                sent.push(tok.to_string());
            }
        }
        if !sent.is_empty() {
            doc.push(sent.join(" "));
        }
        flush(&mut doc, &mut docs, &mut n);
    }
    for set in ["bbc-news-summary/dev/bbc.jsonl", "polnear/dev/polnear.jsonl", "cnn-dailymail-raw/dev/cnndm.jsonl"] {
        let Ok(s) = fs::read_to_string(data.join(set)) else { continue };
        for (k, line) in s.lines().enumerate().take(per_set) {
            let v: serde_json::Value = serde_json::from_str(line).expect("json line");
            let text = v["text"].as_str().unwrap_or("").to_string();
            docs.push(clean_doc(format!("{set}-{k}"), text, 20.0));
        }
    }
    docs
}

/// Weighted logistic regression, full batch, Adam; returns weights with the bias last.
fn train_lr(x: &[f32], y: &[f32], w: &[f32], nf: usize, iters: usize, l2: f32) -> Vec<f32> {
    let n = y.len();
    let mut theta = vec![0.0f32; nf + 1];
    let (mut m, mut v) = (vec![0.0f32; nf + 1], vec![0.0f32; nf + 1]);
    let (b1, b2, lr, eps) = (0.9f32, 0.999f32, 0.05f32, 1e-8f32);
    let wsum: f32 = w.iter().sum();
    for t in 1..=iters {
        let mut g = vec![0.0f32; nf + 1];
        for i in 0..n {
            let xi = &x[i * nf..(i + 1) * nf];
            let p = 1.0 / (1.0 + (-logit(&theta, xi)).exp());
            let d = (p - y[i]) * w[i];
            for j in 0..nf {
                g[j] += d * xi[j];
            }
            g[nf] += d;
        }
        for j in 0..=nf {
            g[j] /= wsum;
            if j < nf {
                g[j] += l2 * theta[j];
            }
            m[j] = b1 * m[j] + (1.0 - b1) * g[j];
            v[j] = b2 * v[j] + (1.0 - b2) * g[j] * g[j];
            let mh = m[j] / (1.0 - b1.powi(t as i32));
            let vh = v[j] / (1.0 - b2.powi(t as i32));
            theta[j] -= lr * mh / (vh.sqrt() + eps);
        }
    }
    theta
}

/// How long a network trains, how hard its weights are held down, and which epochs' weights it ends with.
#[derive(Clone, Copy)]
struct Schedule {
    /// L2 strength on the network's weights ([`NET_L2`]).
    l2: f32,
    /// Passes over the training lines.
    epochs: usize,
    /// First epoch whose end's weights are averaged into the network's ([`SWA_FROM`]).
    swa_from: usize,
}

/// One-hidden-layer network (tanh), minibatch Adam; returns (hidden rows, output weights).
fn train_mlp(x: &[f32], y: &[f32], w: &[f32], nf: usize, schedule: Schedule, seed: u64) -> (Vec<f32>, Vec<f32>) {
    let Schedule { l2, epochs, swa_from } = schedule;
    let n = y.len();
    let mut seed = 0x2545_f491_4f6c_dd1du64 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut rnd = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f32 / (1u64 << 53) as f32 - 0.5
    };
    let row = nf + 1;
    let np = HIDDEN * row + HIDDEN + 1;
    let mut theta: Vec<f32> = (0..np).map(|_| rnd() * 0.3).collect();
    let (mut m, mut v) = (vec![0.0f32; np], vec![0.0f32; np]);
    let (b1, b2, lr, eps) = (0.9f32, 0.999f32, 0.003f32, 1e-8f32);
    let mut order: Vec<usize> = (0..n).collect();
    let batch = 256;
    let mean_w = w.iter().sum::<f32>() / n.max(1) as f32;
    let mut t = 0;
    // the mean of the weights at the end of each epoch from `swa_from` on (the last epoch's
    // alone when `swa_from` >= `epochs`)
    let (mut mean, mut snapshots) = (vec![0.0f32; np], 0usize);
    for epoch in 0..epochs {
        for i in (1..n).rev() {
            let j = ((rnd() + 0.5) * (i + 1) as f32) as usize;
            order.swap(i, j.min(i));
        }
        for chunk in order.chunks(batch) {
            let mut g = vec![0.0f32; np];
            let mut h = [0.0f32; HIDDEN];
            for &i in chunk {
                let xi = &x[i * nf..(i + 1) * nf];
                for k in 0..HIDDEN {
                    h[k] = logit(&theta[k * row..(k + 1) * row], xi).tanh();
                }
                let out = &theta[HIDDEN * row..];
                let p = 1.0 / (1.0 + (-logit(out, &h)).exp());
                let d = (p - y[i]) * w[i] / mean_w;
                for k in 0..HIDDEN {
                    g[HIDDEN * row + k] += d * h[k];
                    let dh = d * out[k] * (1.0 - h[k] * h[k]);
                    let gk = &mut g[k * row..(k + 1) * row];
                    for j in 0..nf {
                        gk[j] += dh * xi[j];
                    }
                    gk[nf] += dh;
                }
                g[np - 1] += d;
            }
            t += 1;
            let bs = chunk.len() as f32;
            for j in 0..np {
                let gj = g[j] / bs + l2 * theta[j];
                m[j] = b1 * m[j] + (1.0 - b1) * gj;
                v[j] = b2 * v[j] + (1.0 - b2) * gj * gj;
                let mh = m[j] / (1.0 - b1.powi(t));
                let vh = v[j] / (1.0 - b2.powi(t));
                theta[j] -= lr * mh / (vh.sqrt() + eps);
            }
        }
        if epoch >= swa_from {
            snapshots += 1;
            for (m, &th) in mean.iter_mut().zip(&theta) {
                *m += (th - *m) / snapshots as f32;
            }
        }
    }
    if snapshots > 0 {
        theta = mean;
    }
    let out = theta.split_off(HIDDEN * row);
    (theta, out)
}

struct Prepared {
    x1: Vec<Vec<f32>>,
}

fn prepare(docs: &[Doc]) -> Prepared {
    let x1 = docs
        .iter()
        .map(|d| {
            let line_hints = d.hints.as_ref().map(|h| hints_for_lines(&d.lines, h));
            stage1_inputs(&look_at_lines(&d.text, &d.lines), line_hints.as_deref())
        })
        .collect();
    Prepared { x1 }
}

fn train(docs: &[Doc], prep: &Prepared, train_idx: &[usize], iters: usize, seed: u64, networks: usize, schedule: Schedule) -> LineModel {
    let (mut x, mut y, mut w) = (Vec::new(), Vec::new(), Vec::new());
    for &d in train_idx {
        x.extend_from_slice(&prep.x1[d]);
        y.extend_from_slice(&docs[d].labels);
        w.extend_from_slice(&docs[d].weights);
    }
    let stage1 = train_lr(&x, &y, &w, STAGE1_FEATURES, iters, 1e-4);
    let mut x2 = Vec::new();
    for &d in train_idx {
        let z1: Vec<f32> = prep.x1[d].chunks_exact(STAGE1_FEATURES).map(|r| logit(&stage1, r)).collect();
        let looks = look_at_lines(&docs[d].text, &docs[d].lines);
        x2.extend(stage2_inputs(&looks, &prep.x1[d], &z1));
    }
    // networks from other starting weights, averaged by the finder
    let (mut hidden, mut stage2) = (Vec::new(), Vec::new());
    for k in 0..networks {
        let (h, s) = train_mlp(&x2, &y, &w, STAGE2_FEATURES, schedule, seed + k as u64);
        hidden.extend(h);
        stage2.extend(s);
    }
    LineModel { stage1, hidden, stage2, threshold: THRESHOLD }
}

fn predict(model: &LineModel, doc: &Doc, x1: &[f32]) -> Vec<f32> {
    let z1: Vec<f32> = x1.chunks_exact(STAGE1_FEATURES).map(|r| logit(&model.stage1, r)).collect();
    let looks = look_at_lines(&doc.text, &doc.lines);
    let x2 = stage2_inputs(&looks, x1, &z1);
    x2.chunks_exact(STAGE2_FEATURES).map(|r| model.stage2_probability(r)).collect()
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let data = PathBuf::from(arg("--data").unwrap_or_else(|| "../shared/data".into()));
    let out = arg("--out").unwrap_or_else(|| "src/text/article_model.txt".into());
    let iters: usize = arg("--iters").map_or(400, |s| s.parse().expect("--iters N"));
    let per_set: usize = arg("--clean").map_or(150, |s| s.parse().expect("--clean N"));
    let cv: usize = arg("--cv").map_or(0, |s| s.parse().expect("--cv K"));
    // the network's initial weights and batch order (0: the committed model's)
    let seed: u64 = arg("--seed").map_or(0, |s| s.parse().expect("--seed N"));
    // networks averaged in the second model, from seeds seed, seed + 1, …
    let networks: usize = arg("--networks").map_or(NETWORKS, |s| s.parse().expect("--networks K"));
    let epochs: usize = arg("--epochs").map_or(EPOCHS, |s| s.parse().expect("--epochs N"));
    let l2: f32 = arg("--l2").map_or(NET_L2, |s| s.parse().expect("--l2 X"));
    // the networks' weights averaged over the ends of epochs from this one on
    let swa_from: usize = arg("--swa-from").map_or(SWA_FROM, |s| s.parse().expect("--swa-from N"));
    if !data.join("pasted-pages/dev").exists() {
        eprintln!("no data at {} (pass --data DIR)", data.display());
        std::process::exit(2);
    }
    let rdb_weight: f32 = arg("--rdb-weight").map_or(100.0, |s| s.parse().expect("--rdb-weight W"));
    let mut docs = load_pasted(&data, rdb_weight);
    let n_pasted = docs.len();
    docs.extend(load_clean(&data, per_set));
    let pos: f32 = docs.iter().filter(|d| d.pasted).map(|d| d.labels.iter().sum::<f32>()).sum();
    let all: usize = docs.iter().filter(|d| d.pasted).map(|d| d.lines.len()).sum();
    eprintln!("{} pasted texts ({} of {} lines article), {} clean texts", n_pasted, pos, all, docs.len() - n_pasted);
    let prep = prepare(&docs);
    if cv > 0 {
        let prefix = arg("--answers").unwrap_or_else(|| "/tmp/cv".into());
        let mut txt = String::new();
        let mut clip = String::new();
        let mut html = String::new();
        let page_ids: Vec<String> = {
            let mut v: Vec<String> = docs.iter().filter(|d| d.pasted).map(|d| d.id.clone()).collect();
            v.dedup();
            v
        };
        let page_fold = |id: &str| page_ids.iter().position(|p| p == id).unwrap_or(0) % cv;
        // a page goes to the fold of its site's first page, so that no fold is scored on a site
        // whose other pages (their menus and footers) it was trained on; --fold-by-page: the
        // folds of sessions up to 17 (page index mod K), which leak sites across folds
        let group = !args.iter().any(|a| a == "--fold-by-page");
        let site_fold: std::collections::HashMap<&str, usize> = {
            let mut m = std::collections::HashMap::new();
            for d in docs.iter().filter(|d| d.pasted) {
                m.entry(d.site.as_str()).or_insert_with(|| page_fold(&d.id));
            }
            m
        };
        let fold_of = |d: &Doc| if group { site_fold[d.site.as_str()] } else { page_fold(&d.id) };
        if group {
            let mut sizes = vec![0usize; cv];
            for (i, d) in docs.iter().enumerate().filter(|(_, d)| d.pasted) {
                if i == 0 || docs[i - 1].id != d.id {
                    sizes[fold_of(d)] += 1;
                }
            }
            eprintln!("{} sites, pages per fold {sizes:?}", site_fold.len());
        }
        let mut line_err = (0.0f32, 0.0f32);
        let mut dump = String::new();
        for k in 0..cv {
            let train_idx: Vec<usize> = (0..docs.len()).filter(|&d| !docs[d].pasted || fold_of(&docs[d]) != k).collect();
            // --models DIR: reuse the fold's model saved there by an earlier run with the same
            // features (to measure a change of the rules alone), or save it there
            let saved = arg("--models").map(|dir| PathBuf::from(dir).join(format!("fold{k}-of-{cv}{}-seed{seed}.txt", if group { "" } else { "-by-page" })));
            let mut model = match saved.as_ref().and_then(|f| fs::read_to_string(f).ok()).and_then(|s| LineModel::parse(&s)) {
                Some(m) => m,
                None => {
                    let m = train(&docs, &prep, &train_idx, iters, seed, networks, Schedule { l2, epochs, swa_from });
                    match &saved {
                        // rounded as saved, so that a later run that loads it answers the same
                        Some(f) => {
                            fs::write(f, m.to_text()).expect("write fold model");
                            LineModel::parse(&m.to_text()).expect("model round trip")
                        }
                        None => m,
                    }
                }
            };
            if let Some(t) = arg("--threshold") {
                model.threshold = t.parse().expect("--threshold P");
            }
            for d in (0..docs.len()).filter(|&d| docs[d].pasted && fold_of(&docs[d]) == k) {
                let doc = &docs[d];
                let p = predict(&model, doc, &prep.x1[d]);
                // the answer of the whole finder (model and its rules) with this fold's model
                let finder = ArticleFinder::with_model(Box::leak(Box::new(model.clone())));
                let (kept_spans, _) = finder.find_with_hints(&doc.text, doc.hints.as_deref());
                let kept_starts: std::collections::HashSet<usize> = kept_spans.iter().map(|k| k.start).collect();
                let line_hints = doc.hints.as_ref().map(|h| hints_for_lines(&doc.lines, h));
                for (i, l) in doc.lines.iter().enumerate() {
                    let t: String = l.slice(&doc.text).chars().take(120).collect();
                    let (a, b) = (char_offset(&doc.text, l.start), char_offset(&doc.text, l.end));
                    // the markup's hint, for error analysis: link furniture article main container_link
                    // caption furniture_near heaviest_article
                    let hint = match line_hints.as_ref().and_then(|h| h[i]) {
                        Some(h) => format!(
                            "{:.2} {:.2} {:.2} {:.0} {:.2} {:.2} {:.0} {:.0}",
                            h.link, h.furniture, h.article, h.main, h.container_link, h.caption, h.furniture_near, h.heaviest_article
                        ),
                        None => String::new(),
                    };
                    // kept: 1 when the whole finder (model and rules) keeps the line
                    let kept = u8::from(kept_starts.contains(&l.start));
                    dump.push_str(&format!("{}\t{}\t{}\t{}\t{}\t{:.4}\t{}\t{}\t{}\n", doc.id, doc.input, a, b, doc.labels[i], p[i], kept, hint, t));
                }
                for (i, &pi) in p.iter().enumerate() {
                    line_err.0 += doc.weights[i] * ((pi >= 0.5) as u8 as f32 - doc.labels[i]).abs();
                    line_err.1 += doc.weights[i];
                }
                let kept: Vec<String> = kept_spans
                    .iter()
                    .map(|l| format!("{{\"start\":{},\"end\":{}}}", char_offset(&doc.text, l.start), char_offset(&doc.text, l.end)))
                    .collect();
                let line = format!("{{\"id\":\"{}\",\"kept\":[{}]}}\n", doc.id, kept.join(","));
                if doc.input == "html" {
                    let kept: Vec<&str> = kept_spans.iter().map(|l| l.slice(&doc.text)).collect();
                    let v = serde_json::json!({"id": doc.id, "text": kept.join("\n")});
                    html.push_str(&format!("{v}\n"));
                } else if doc.input == "txt" {
                    txt.push_str(&line);
                } else {
                    clip.push_str(&line);
                }
            }
            eprintln!("fold {k} done");
        }
        eprintln!("weighted line error {:.4}", line_err.0 / line_err.1);
        fs::write(format!("{prefix}_txt.jsonl"), txt).expect("write answers");
        fs::write(format!("{prefix}_clip.jsonl"), clip).expect("write answers");
        fs::write(format!("{prefix}_html.jsonl"), html).expect("write answers");
        fs::write(format!("{prefix}_lines.tsv"), dump).expect("write dump");
        eprintln!("answers in {prefix}_txt.jsonl and {prefix}_clip.jsonl");
        return;
    }
    let all_idx: Vec<usize> = (0..docs.len()).collect();
    let model = train(&docs, &prep, &all_idx, iters, seed, networks, Schedule { l2, epochs, swa_from });
    fs::write(&out, model.to_text()).expect("write model");
    eprintln!("model written to {out}");
}
