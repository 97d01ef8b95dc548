//! Trains the summary sentence scorer and writes `src/summary/weights.rs`.
//!
//! ```text
//! cargo run --release --example train_summary -- \
//!     --data ../shared/data/cnn-dailymail-raw/dev/cnndm.jsonl:1 \
//!     --data ../shared/data/cnn-dailymail/dev/cnndm.jsonl:1 \
//!     --long ../shared/data/bbc-news-summary/dev/bbc.jsonl:1 \
//!     --l2 0.1 --out src/summary/weights.rs
//! ```
//!
//! Each `--data PATH[:WEIGHT]` (short summaries) or `--long PATH[:WEIGHT]` (long summaries;
//! see `precis::summary::scorer::long_summary_gate`) is a JSON-lines file of {"text", "reference"}
//! records ("article"/"highlights" also accepted; "ref_num_sentences" sets the budget, else 3).
//! Short summaries: the thresholds of the `LeadFilter` (least centrality, fewest words, skip
//! questions) and its two score weights (centrality, recurring words) are chosen from a small
//! grid by the mean ROUGE-1 + ROUGE-2 of the summaries they give on the `--data` files, each
//! file weighing WEIGHT (thresholds with no weights, then the weights, then the thresholds again). (Logistic, ridge, pairwise and
//! boosted-tree models over the same features, trained against oracle labels or per-sentence
//! ROUGE, all stayed at LEAD-3 in cross-validation on CNN dev; the filter did not.)
//! Long summaries: logistic regression on standardised features (`precis::summary::features`)
//! against greedy-oracle labels (the sentences that together maximise ROUGE-1 F + ROUGE-2 F),
//! each article weighing the same within its file and each file weighing WEIGHT.
//! `--cv N` first reports N-fold cross-validated ROUGE-1/2 (an approximation of rouge-score:
//! crude stemming; the short rule is chosen inside each fold) for the gated scorer and for
//! LEAD-k, per file, with a per-story sign test (how many stories score above and below
//! LEAD-k out of fold); `--r2-weight W` weighs ROUGE-2 W times ROUGE-1 in the short rule's
//! grid objective (W = 2 and 3 picked the same rule on all data as W = 1; out of fold, 5
//! folds × 3 repeats, raw CNN dev R1/R2 were 31.53/13.42 and 31.41/13.23 against W = 1's
//! 31.50/13.42, tokenised 42.43/19.74 and 42.47/19.84 against 42.43/19.73);
//! `--redundancy` and `--dangling` set the selector used there and in the grid; `--soft X` mixes in each sentence's own ROUGE as a soft label; `--pairwise` trains a
//! within-article ranker, `--force-k` lets the oracle fill the whole budget, `--repeats R`
//! repeats the CV with fresh folds; `--grid-centrality`, `--grid-words`, `--grid-questions`
//! (0/1), `--grid-centrality-weight` and `--grid-recurrence-weight` take comma-separated
//! values for the short rule's grid; `--dump PATH` writes each article's sentences, feature
//! rows, labels and reference as JSON lines, for trying models outside this program;
//! `--oof PATH` writes every out-of-fold summary as shown (and `PATH.all` the in-sample
//! ones), to score with rouge-score itself; `--grid-dump PATH` writes, for every short
//! article, the summary each rule of the full product grid gives (`PATH.grid` lists the
//! rules), so any way of choosing the rule can be cross-validated outside this program;
//! `--short-dangling` sets the selector's penalty for a leaning sentence in a short summary.
//! With the raw:4 command (shipped until session 18), 5 folds × 3 repeats (`--repeats 3`) give out of fold R1/R2
//! 31.50/13.42 against LEAD-3's 29.52/11.73 on raw CNN dev (ROUGE-2 above lead on 208
//! story-folds, below on 70) and 42.43/19.73 against 41.51/18.77 on tokenised dev (136/35);
//! one repeat gives 31.93/13.71 on raw dev, so fold assignment alone moves the figure by
//! 0.4. A story's ROUGE-2 margin over LEAD-3 has a spread of about 7 points on raw CNN, so
//! on 128 stories the standard error of the mean margin is about 0.65: test margins below
//! dev's are expected, and a +1.0 ROUGE-2 test margin cannot be told apart from +0.6.
//! Tried against that out-of-fold figure (a Python copy of the rule and selector over
//! `--dump`, nested CV, raw / tokenised dev R1/R2), none of which helped: the rule plus a
//! linear term in sim_lead, sim_title, word mass, names, numbers, quotes, length or
//! attribution, chosen per fold (31.90/13.41 and 42.92/20.05 against the rule's 32.03/13.83
//! and 42.83/20.04); a bonus for the first three sentences that pass (a prior toward the
//! lead; every bonus lost in sample, and chosen per fold it gave +0.12/+0.13 raw but
//! −0.04/−0.14 tokenised); a length penalty (shorter sentences; raw references are 33 tokens,
//! our summaries 68: every penalty lost ROUGE-2); a logistic "swap one chosen sentence for
//! a later one" model over the pair's features with its threshold chosen by inner CV (4
//! swaps in 221 stories, +0.10/+0.03 raw, −0.03/+0.03 tokenised); the share of a sentence's
//! bigrams found elsewhere in the article (in sample: tokenised up to +0.67 ROUGE-2, raw
//! down 0.3 at that weight);
//! redundancy 0.2 instead of 0.4 for short summaries (9 tokenised stories change, 6 up, 3
//! down; raw flat: noise).
//! For issue 7 (a Python copy of the rule and selector over `--dump`, in sample, raw /
//! tokenised dev R2, the copy at 14.11 / 20.42): a centrality threshold relative to the
//! article's most central sentence as a second way to pass (short stories share few words,
//! so their centralities are all low), 0.2 of the top at most +0.15 raw and 0.00 tokenised
//! in sample, not worth a new rule; a bonus for the opening sentence (0.3 to 2.0: raw
//! −0.16 to −0.36); `short_dangling` 0.6, 1.0, 1.5, 3.0 (within ±0.05); a sentence that
//! opens or closes a quote it does not finish treated as leaning on its neighbour (raw
//! −0.18) or as unfit (raw −0.23, tokenised −0.07).
//! With that raw:4 command the out-of-fold figures (5 folds × 3 repeats; measured before
//! trim.rs's two guards against broken cuts, which change two raw stories) are raw
//! 31.77/13.54 against LEAD-3's 29.52/11.73 and tokenised 42.56/19.86 against 41.51/18.77.
//! Session 18 (issue 7: on raw CNN test ROUGE-2 was only +0.55 above the better LEAD-3,
//! against +2.28 on dev) measured how much of the short rule is fitted to dev, by a Python
//! nested CV over `--grid-dump` (the rule chosen inside each of 5 folds, 20 repeats;
//! rouge-score R1/R2/Lsum margins over the better of our lead and the scorer's `--peer
//! lead`). With raw:4 tokenised:1 (the command until then) the rule (0.03, 6 words, questions
//! kept, centrality 0.8, recurrence 0.1) gives raw dev +3.13/+2.28/+3.06 in sample but
//! +2.63/+1.71/+2.57 out of fold (spread of the ROUGE-2 figure over repeats 0.28), tokenised
//! +1.46/+1.60/+1.60 and +1.12/+1.17/+1.29: choosing five parameters on 123 stories buys
//! about 0.55 ROUGE-2 of optimism. The rule sits on sharp peaks (in sample, least centrality
//! 0.02 or 0.04 loses 0.2 to 0.45 raw ROUGE-2 against 0.03, and 8 words 0.5 against 6) and
//! the folds agree on one rule only 42 times in 100. Weighing the two CNN files the same
//! (raw:1 tokenised:1, shipped since) picks (0.03, 6, kept, 0.6, 0.3): raw dev falls in
//! sample (32.88/14.16/29.60 to 32.75/13.90/29.47) but gains out of fold, +2.76/+1.82/+2.70
//! raw and +1.32/+1.57/+1.55 tokenised; paired with raw:4 on the same folds, raw ROUGE-2
//! +0.11 (three seeds: +0.11, +0.13, +0.23; above in 13 to 14 of 20 repeats; per-story
//! standard error 0.11 to 0.13, so raw alone is within noise), ROUGE-1 +0.13, Lsum +0.14,
//! tokenised ROUGE-2 +0.28 to +0.40 (se 0.19), the two CNN files pooled +0.22 to +0.25 (se
//! 0.11); its folds agree 72 times in 100. The trainer's own CV (5 folds × 3 repeats,
//! `--oof` scored by rouge-score) agrees: raw +2.84/+2.00/+2.79 against raw:4's
//! +2.60/+1.80/+2.59 (in sample now +3.00/+2.02/+2.93: almost no optimism left), tokenised
//! +1.32/+1.60/+1.56 against +1.11/+1.14/+1.28; in the trainer's own ROUGE, raw R1/R2
//! 32.00/13.73 and tokenised 42.79/20.29 against LEAD-3's 29.52/11.73 and 41.51/18.77.
//! Chosen inside each fold the same way and left out (paired raw / tokenised ROUGE-2 against
//! raw:4): raw:2 +0.03/+0.23; tokenised:2 +0.02/+0.46; raw only −0.13/+0.06; the full-grid
//! argmax instead of the coordinate search +0.03/+0.30 (with 1:1 +0.11/+0.35); ROUGE-2
//! weighted twice +0.05/+0.05 (with 1:1 +0.12/+0.47); centrality weights up to 1.2
//! −0.10/+0.05 (with 1:1 −0.10/+0.31); the median rule of 15 bootstrap samples −0.17/−0.12
//! (with 1:1 +0.11/+0.11); the objective averaged over neighbouring weights −0.11/+0.22
//! (with 1:1 +0.04/+0.49); each story's gain over the plain lead clipped to ±5, ±10 or ±20
//! points −0.49, −0.43, −0.48 raw (square-rooted −0.38; with 1:1 at best +0.04/+0.42);
//! thresholds only, no weights, −0.52/−0.40; `short_dangling` 0.6, 1.0 or 3.0 with the rule
//! chosen in fold +0.03/+0.36, +0.18/+0.20, +0.00/+0.00 (with 1:1 +0.00/+0.60, −0.10/+0.47,
//! +0.18/+0.46), and the penalty itself chosen in fold +0.00/+0.14. The plain rule (no
//! thresholds or weights: the lead of summary-worthy sentences, datelines left out,
//! compressed, leaning sentences penalised) is +1.08/+0.61/+1.13 raw and +0.68/+0.38/+0.70
//! tokenised: the hand-made parts (shape, trim, selector) give about +0.6 ROUGE-2 on dev,
//! about what test gave in all, and cannot be cross-validated this way.
//! Session 19, against that 1:1 rule with the same nested CV (`--grid-dump` of each
//! variant, the rule chosen per fold by this program's coordinate search at raw:1
//! tokenised:1, 5 folds × 10 repeats, three seeds; paired per-story ROUGE-2 against the
//! shipped rule's out-of-fold summaries, raw / tokenised; the shipped rule's out-of-fold
//! raw ROUGE-2 margin +1.81 to +1.93 on those seeds), all lost: soft thresholds instead of
//! hard ones (a sentence's pass credit min(1, centrality / least centrality), −0.14 to
//! −0.25 / −0.45 to −0.76; also the word count ramping from half the fewest words, −0.33
//! to −0.40 / −0.67 to −0.77; the centrality ramp squared, −0.02 to −0.24 / −0.17 to
//! −0.40): the step is what keeps a low-centrality hook out of the lead; the first
//! summary-worthy sentence always passing (in sample the 10 raw stories whose first
//! sentence we leave out all score below LEAD-3, −1.8 ROUGE-2 each on average, yet
//! −0.10 to −0.20 / −0.24 to −0.46); a sentence opening with a quote failing the filter
//! (−0.58 to −0.73 / −0.78 to −0.93) or any sentence holding one (−0.92 to −1.07 /
//! +0.07 to +0.19): raw CNN highlights keep what the story quotes. In sample, a closing
//! attribution after a quote that opens the sentence ('"The drones work," he said.' shown
//! as its quote) gave raw 32.75/13.90/29.47 → 32.78/13.93/29.50 (6 stories, ROUGE-1 down
//! on one), tokenised unchanged and BBC dev 78.51/71.52 → 78.50/71.51 (4 stories down):
//! noise, and it leaves the quote's comma hanging. The shipped trim.rs cuts, each family
//! turned off alone (paired per-story ROUGE-1/2/Lsum gain of keeping it, raw / tokenised,
//! stories up / down in ROUGE-2): leading adverbials and clauses +0.35/+0.19/+0.33 (27/3)
//! / +0.14/+0.14/+0.16 (9/0); closing attributions +0.41/+0.29/+0.41 (24/2) /
//! +0.05/+0.06/+0.08 (7/0); trailing asides +0.42/+0.26/+0.41 (17/3) / +0.36/+0.09/+0.30
//! (13/3); the opening connective, closing weekday, period and place each +0.01 to +0.02
//! ROUGE-2 on 2 to 12 stories, the place's gain resting on two stories in each file; all
//! cuts together +1.16/+0.75/+1.13 raw (71/7, se 0.17, +0.58 without the two best
//! stories) and +0.62/+0.34/+0.60 tokenised (42/5): the big three families rest on many
//! stories each and are unlikely to be what test lacks.
//! Only ever train on dev parts.
use precis::names::{EntityMerger, NameTagger};
use precis::summary::features::{self, BASE_FEATURES, FEATURES, FEATURE_NAMES, WORTHY};
use precis::summary::scorer::{LeadFilter, Linear};
use precis::summary::{Selector, SentenceScorer};
use precis::Document;
use std::collections::HashMap;

struct Article {
    file: usize,
    /// place among its file's records
    index: usize,
    rows: Vec<[f32; FEATURES]>,
    labels: Vec<f32>,
    /// ROUGE tokens of each sentence's display text (dateline left out)
    sentence_tokens: Vec<Vec<String>>,
    reference: Vec<String>,
    /// the reference as written, for `--dump`
    reference_text: String,
    k: usize,
    doc: Document<'static>,
}

struct Args {
    /// (path, weight, trains the long-summary model)
    data: Vec<(String, f32, bool)>,
    out: Option<String>,
    cv: usize,
    l2: f32,
    epochs: usize,
    redundancy: f32,
    dangling: f32,
    /// 0 = greedy-oracle labels only; 1 = each sentence's own ROUGE share only; between: a mix
    soft: f32,
    /// the oracle fills the whole budget instead of stopping when no sentence helps
    force_k: bool,
    /// pairwise (RankNet) loss within each article instead of the pointwise log loss
    pairwise: bool,
    /// cross-validation repeats, each with its own fold assignment
    repeats: usize,
    /// write every article's sentences, feature rows and reference as JSON lines here
    dump: Option<String>,
    /// the short rule's grid: least centrality, fewest words, skip questions (0/1),
    /// centrality weight, recurrence weight
    grid: [Vec<f32>; 5],
    /// weight of ROUGE-2 beside ROUGE-1 in the short rule's grid objective
    r2_weight: f32,
    /// write every out-of-fold summary (file, index in file, repeat, sentences as shown) here
    oof: Option<String>,
    /// the selector's penalty for a leaning sentence in a short summary
    short_dangling: Option<f32>,
    /// write, for every short-summary article, the summary each rule of the full grid gives
    grid_dump: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { data: Vec::new(), out: None, cv: 0, l2: 1e-3, epochs: 400, redundancy: 0.4, dangling: 0.6, soft: 0.0, force_k: false, pairwise: false, repeats: 1, dump: None, r2_weight: 1.0, oof: None, short_dangling: None, grid_dump: None, grid: [
        vec![0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06],
        vec![0.0, 6.0, 8.0, 10.0, 12.0],
        vec![0.0, 1.0],
        vec![0.0, 0.2, 0.4, 0.6, 0.8],
        vec![0.0, 0.1, 0.2, 0.3, 0.45],
    ] };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" | "--long" => {
                let long = a == "--long";
                let v = value()?;
                let (path, w) = match v.rsplit_once(':') {
                    Some((p, w)) if w.parse::<f32>().is_ok() => (p.to_string(), w.parse().unwrap_or(1.0)),
                    _ => (v.clone(), 1.0),
                };
                args.data.push((path, w, long));
            }
            "--out" => args.out = Some(value()?),
            "--dump" => args.dump = Some(value()?),
            "--oof" => args.oof = Some(value()?),
            "--grid-dump" => args.grid_dump = Some(value()?),
            "--short-dangling" => args.short_dangling = Some(value()?.parse().map_err(|e| format!("--short-dangling: {e}"))?),
            "--grid-centrality" | "--grid-words" | "--grid-questions" | "--grid-centrality-weight" | "--grid-recurrence-weight" => {
                let at = ["--grid-centrality", "--grid-words", "--grid-questions", "--grid-centrality-weight", "--grid-recurrence-weight"]
                    .iter()
                    .position(|g| *g == a)
                    .unwrap_or(0);
                let v = value()?;
                args.grid[at] = v.split(',').map(|x| x.trim().parse::<f32>().map_err(|e| format!("{a}: {e}"))).collect::<Result<_, _>>()?;
            }
            "--cv" => args.cv = value()?.parse().map_err(|e| format!("--cv: {e}"))?,
            "--l2" => args.l2 = value()?.parse().map_err(|e| format!("--l2: {e}"))?,
            "--epochs" => args.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--redundancy" => args.redundancy = value()?.parse().map_err(|e| format!("--redundancy: {e}"))?,
            "--force-k" => args.force_k = true,
            "--pairwise" => args.pairwise = true,
            "--repeats" => args.repeats = value()?.parse().map_err(|e| format!("--repeats: {e}"))?,
            "--r2-weight" => args.r2_weight = value()?.parse().map_err(|e| format!("--r2-weight: {e}"))?,
            "--soft" => args.soft = value()?.parse().map_err(|e| format!("--soft: {e}"))?,
            "--dangling" => args.dangling = value()?.parse().map_err(|e| format!("--dangling: {e}"))?,
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    if args.data.is_empty() {
        return Err("give at least one --data PATH[:WEIGHT]".into());
    }
    Ok(args)
}

/// rouge-score's tokens: lower-case ASCII letters and digits; a crude stand-in for Porter stemming.
fn rouge_tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            for suffix in ["ing", "ed", "es", "s", "ly"] {
                if w.len() > suffix.len() + 3 && w.ends_with(suffix) {
                    return w[..w.len() - suffix.len()].to_string();
                }
            }
            w.to_string()
        })
        .collect()
}

fn ngrams<'a>(tokens: &[&'a String], n: usize) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if tokens.len() >= n {
        for w in tokens.windows(n) {
            *m.entry(w.iter().map(|s| s.as_str()).collect()).or_insert(0) += 1;
        }
    }
    m
}

fn rouge_n<'a>(hyp: &[&'a String], reference: &HashMap<Vec<&'a str>, usize>, ref_total: usize, n: usize) -> f32 {
    let h = ngrams(hyp, n);
    let h_total: usize = h.values().sum();
    if h_total == 0 || ref_total == 0 {
        return 0.0;
    }
    let overlap: usize = h.iter().map(|(g, c)| (*c).min(*reference.get(g).unwrap_or(&0))).sum();
    if overlap == 0 {
        return 0.0;
    }
    let p = overlap as f32 / h_total as f32;
    let r = overlap as f32 / ref_total as f32;
    2.0 * p * r / (p + r)
}

/// ROUGE-1 F and ROUGE-2 F of the chosen sentences.
fn rouge12(article: &Article, chosen: &[usize]) -> (f32, f32) {
    let hyp: Vec<&String> = chosen.iter().flat_map(|&s| article.sentence_tokens[s].iter()).collect();
    rouge12_tokens(article, &hyp)
}

/// ROUGE-1 F and ROUGE-2 F of a summary's tokens.
fn rouge12_tokens(article: &Article, hyp: &[&String]) -> (f32, f32) {
    let reference: Vec<&String> = article.reference.iter().collect();
    let r1 = ngrams(&reference, 1);
    let r2 = ngrams(&reference, 2);
    (rouge_n(hyp, &r1, r1.values().sum(), 1), rouge_n(hyp, &r2, r2.values().sum(), 2))
}

/// Greedy oracle: add the sentence that most raises R1+R2 until k or no gain.
fn oracle(article: &Article, force_k: bool) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut best_value = 0.0;
    while chosen.len() < article.k {
        let mut best: Option<(usize, f32)> = None;
        for s in 0..article.sentence_tokens.len() {
            if chosen.contains(&s) || article.rows[s][WORTHY] < 0.5 {
                continue;
            }
            let mut trial = chosen.clone();
            trial.push(s);
            trial.sort_unstable();
            let (a, b) = rouge12(article, &trial);
            if best.map_or(true, |(_, v)| a + b > v) {
                best = Some((s, a + b));
            }
        }
        match best {
            Some((s, v)) if v > best_value || force_k => {
                chosen.push(s);
                best_value = v;
            }
            _ => break,
        }
    }
    chosen
}

fn load(args: &Args) -> Vec<Article> {
    let tagger = NameTagger::default();
    let merger = EntityMerger::default();
    let mut out = Vec::new();
    for (file, (path, _, _)) in args.data.iter().enumerate() {
        let Ok(body) = std::fs::read_to_string(path) else {
            eprintln!("cannot read {path}; skipped");
            continue;
        };
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let text = v.get("text").or(v.get("article")).and_then(|t| t.as_str()).unwrap_or("").to_string();
            let reference = v.get("reference").or(v.get("highlights")).and_then(|t| t.as_str()).unwrap_or("");
            let k = v.get("ref_num_sentences").and_then(|k| k.as_u64()).map_or(3, |k| k as usize);
            // the program runs once and exits: leaking keeps each Document beside its text simply
            let text: &'static str = Box::leak(text.into_boxed_str());
            let doc = Document::new(text);
            let entities = merger.merge(&doc, tagger.tag(&doc));
            let rows = features::extract(&doc, &entities, k);
            let sentence_tokens = (0..doc.sentences.len())
                .map(|s| rouge_tokens(precis::summary::shape::display_span(&doc, s).slice(text)))
                .collect();
            let mut article = Article {
                file,
                index: out.iter().filter(|a: &&Article| a.file == file).count(),
                rows,
                labels: Vec::new(),
                sentence_tokens,
                reference: rouge_tokens(reference),
                reference_text: reference.to_string(),
                k,
                doc,
            };
            let picked = oracle(&article, args.force_k);
            let alone: Vec<f32> = (0..article.rows.len()).map(|s| {
                let (a, b) = rouge12(&article, &[s]);
                a + b
            }).collect();
            let top = alone.iter().cloned().fold(1e-6f32, f32::max);
            article.labels = (0..article.rows.len())
                .map(|s| (1.0 - args.soft) * picked.contains(&s) as u8 as f32 + args.soft * (alone[s] / top).powi(2))
                .collect();
            out.push(article);
        }
    }
    out
}

fn train(articles: &[&Article], file_weights: &[f32], args: &Args) -> Linear {
    let mut mean = [0f32; FEATURES];
    let mut sq = [0f32; FEATURES];
    let mut count = 0f32;
    for a in articles {
        for r in &a.rows {
            for i in 0..FEATURES {
                mean[i] += r[i];
                sq[i] += r[i] * r[i];
            }
            count += 1.0;
        }
    }
    let mut scale = [1f32; FEATURES];
    for i in 0..FEATURES {
        mean[i] /= count.max(1.0);
        let var = sq[i] / count.max(1.0) - mean[i] * mean[i];
        scale[i] = if var > 1e-8 { var.sqrt() } else { 1.0 };
    }
    // standardised rows, labels and weights (each article of a file weighs the same)
    let mut xs: Vec<[f32; FEATURES]> = Vec::new();
    let mut ys: Vec<f32> = Vec::new();
    let mut ws: Vec<f32> = Vec::new();
    for a in articles {
        let w = file_weights[a.file] / a.rows.len().max(1) as f32 * 20.0;
        for (r, &y) in a.rows.iter().zip(&a.labels) {
            let mut x = [0f32; FEATURES];
            for i in 0..FEATURES {
                x[i] = (r[i] - mean[i]) / scale[i];
            }
            xs.push(x);
            ys.push(y);
            ws.push(w);
        }
    }
    let total_w: f32 = ws.iter().sum::<f32>().max(1e-6);
    // article boundaries in xs, for the pairwise loss
    let mut bounds = Vec::new();
    let mut at = 0;
    for a in articles {
        bounds.push(at..at + a.rows.len());
        at += a.rows.len();
    }
    // Adam on the weighted log loss
    let mut w = [0f32; FEATURES + 1];
    let (mut m, mut v) = ([0f32; FEATURES + 1], [0f32; FEATURES + 1]);
    let (b1, b2, lr) = (0.9f32, 0.999f32, 0.05f32);
    for epoch in 1..=args.epochs {
        let mut grad = [0f32; FEATURES + 1];
        if args.pairwise {
            let scores: Vec<f32> = xs.iter().map(|x| (0..FEATURES).map(|i| w[i] * x[i]).sum()).collect();
            for r in &bounds {
                for p in r.clone().filter(|&p| ys[p] > 0.5) {
                    for q in r.clone().filter(|&q| ys[q] < 0.5) {
                        let g = -ws[p] / (1.0 + (scores[p] - scores[q]).exp());
                        for i in 0..FEATURES {
                            grad[i] += g * (xs[p][i] - xs[q][i]);
                        }
                    }
                }
            }
        }
        for ((x, &y), &sw) in xs.iter().zip(&ys).zip(&ws).filter(|_| !args.pairwise) {
            let mut z = w[FEATURES];
            for i in 0..FEATURES {
                z += w[i] * x[i];
            }
            let p = 1.0 / (1.0 + (-z).exp());
            let g = sw * (p - y);
            for i in 0..FEATURES {
                grad[i] += g * x[i];
            }
            grad[FEATURES] += g;
        }
        for i in 0..=FEATURES {
            grad[i] /= total_w;
            if i < FEATURES {
                grad[i] += args.l2 * w[i];
            }
            m[i] = b1 * m[i] + (1.0 - b1) * grad[i];
            v[i] = b2 * v[i] + (1.0 - b2) * grad[i] * grad[i];
            let mh = m[i] / (1.0 - b1.powi(epoch as i32));
            let vh = v[i] / (1.0 - b2.powi(epoch as i32));
            w[i] -= lr * mh / (vh.sqrt() + 1e-8);
        }
    }
    let mut weights = [0f32; FEATURES];
    weights.copy_from_slice(&w[..FEATURES]);
    Linear { mean, scale, weights }
}

/// The short-summary rule whose summaries of `articles` score best (mean ROUGE-1 + ROUGE-2,
/// each file weighing its weight), from a small grid; ties go to the earlier, milder rule.
/// The thresholds are chosen first with no centrality or recurrence weight, then the two
/// weights for those thresholds, then the thresholds again for those weights.
fn choose_lead_filter(articles: &[&Article], file_weights: &[f32], long: &Linear, selector: &Selector, grid: &[Vec<f32>; 5], r2_weight: f32) -> LeadFilter {
    let mut per_file = vec![0f32; file_weights.len()];
    for a in articles {
        per_file[a.file] += 1.0;
    }
    let value = |filter: LeadFilter| -> f32 {
        let scorer = SentenceScorer::with_models(filter, long.clone());
        articles
            .iter()
            .map(|a| {
                let ((r1, r2), _) = evaluate(a, &scorer, selector);
                file_weights[a.file] / per_file[a.file].max(1.0) * (r1 + r2_weight * r2)
            })
            .sum()
    };
    let best_of = |candidates: &mut dyn Iterator<Item = LeadFilter>| -> Option<LeadFilter> {
        let mut best: Option<(f32, LeadFilter)> = None;
        for filter in candidates {
            let v = value(filter);
            if best.map_or(true, |(b, _)| v > b + 1e-6) {
                best = Some((v, filter));
            }
        }
        best.map(|(_, f)| f)
    };
    let thresholds = |weights: (f32, f32)| -> Option<LeadFilter> {
        let mut it = grid[0].iter().flat_map(|&c| grid[1].iter().flat_map(move |&w| grid[2].iter().map(move |&q| (c, w, q > 0.5)))).map(
            |(min_centrality, min_words, skip_questions)| LeadFilter {
                min_centrality,
                min_words,
                skip_questions,
                centrality_weight: weights.0,
                recurrence_weight: weights.1,
            },
        );
        best_of(&mut it)
    };
    let none = LeadFilter { min_centrality: 0.0, min_words: 0.0, skip_questions: false, centrality_weight: 0.0, recurrence_weight: 0.0 };
    let Some(first) = thresholds((0.0, 0.0)) else { return none };
    let mut it = grid[3].iter().flat_map(|&c| grid[4].iter().map(move |&r| (c, r))).map(|(centrality_weight, recurrence_weight)| LeadFilter {
        centrality_weight,
        recurrence_weight,
        ..first
    });
    let Some(weighted) = best_of(&mut it) else { return first };
    thresholds((weighted.centrality_weight, weighted.recurrence_weight)).unwrap_or(weighted)
}

/// The summary's sentences as shown (a short summary's may be compressed).
fn summary_texts<'a>(article: &'a Article, scorer: &SentenceScorer, selector: &Selector) -> Vec<&'a str> {
    let scores: Vec<f32> = article.rows.iter().map(|r| scorer.score_row(r, article.k)).collect();
    selector.select(&article.doc, &scores, Some(article.k)).iter().map(|sp| sp.slice(article.doc.text)).collect()
}

/// The model's and LEAD-k's (R1, R2) on one article.
fn evaluate(article: &Article, scorer: &SentenceScorer, selector: &Selector) -> ((f32, f32), (f32, f32)) {
    let scores: Vec<f32> = article.rows.iter().map(|r| scorer.score_row(r, article.k)).collect();
    let doc = &article.doc;
    let spans = selector.select(doc, &scores, Some(article.k));
    // the spans as shown (a short summary's may be compressed), not their whole sentences
    let shown: Vec<String> = spans.iter().flat_map(|sp| rouge_tokens(sp.slice(doc.text))).collect();
    let lead: Vec<usize> = (0..article.k.min(doc.sentences.len())).collect();
    (rouge12_tokens(article, &shown.iter().collect::<Vec<_>>()), rouge12(article, &lead))
}

/// One JSON line per article: file index, budget, reference, display sentences, feature rows
/// and flags (dangling), for trying models outside this program.
fn dump(articles: &[Article], path: &str) {
    let mut out = String::new();
    for a in articles {
        let doc = &a.doc;
        let sents: Vec<&str> = (0..doc.sentences.len()).map(|s| precis::summary::shape::display_span(doc, s).slice(doc.text)).collect();
        let dangling: Vec<bool> = (0..doc.sentences.len()).map(|s| precis::summary::shape::is_dangling(doc, s)).collect();
        // each sentence as a short summary would show it (compressed alone: compression reads
        // only the article's counts of the sentence's own words)
        let shown: Vec<&str> = (0..doc.sentences.len())
            .map(|s| {
                let span = precis::summary::shape::display_span(doc, s);
                let text = span.slice(doc.text);
                let recurrence = precis::summary::trim::Recurrence::of_words_in(doc.text, &[text]);
                precis::summary::trim::compress(doc, &recurrence, span).slice(doc.text)
            })
            .collect();
        let worthy: Vec<bool> = (0..doc.sentences.len()).map(|s| precis::summary::shape::is_summary_worthy(doc, s)).collect();
        let blocks: Vec<usize> = doc.sentences.iter().map(|s| s.block).collect();
        let rows: Vec<Vec<f32>> = a.rows.iter().map(|r| r.to_vec()).collect();
        let line = serde_json::json!({"file": a.file, "k": a.k, "ref": a.reference_text, "sents": sents, "rows": rows, "dangling": dangling, "labels": a.labels, "shown": shown, "worthy": worthy, "blocks": blocks});
        out += &line.to_string();
        out.push('\n');
    }
    if let Err(e) = std::fs::write(path, out) {
        eprintln!("cannot write {path}: {e}");
    }
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("train_summary: {e}");
            std::process::exit(2);
        }
    };
    let articles = load(&args);
    eprintln!("{} articles, {} sentences", articles.len(), articles.iter().map(|a| a.rows.len()).sum::<usize>());
    if let Some(path) = &args.dump {
        dump(&articles, path);
    }
    let file_weights: Vec<f32> = args.data.iter().map(|d| d.1).collect();
    let is_long: Vec<bool> = args.data.iter().map(|d| d.2).collect();
    let mut selector = Selector { redundancy: args.redundancy, dangling: args.dangling, ..Selector::default() };
    if let Some(d) = args.short_dangling {
        selector.short_dangling = d;
    }
    // the long model learns from the --long files; the short rule's thresholds are chosen
    // on the --data files by the ROUGE of the summaries they give
    let fit = |set: &[&Article]| -> (SentenceScorer, LeadFilter, Linear) {
        let short: Vec<&Article> = set.iter().copied().filter(|a| !is_long[a.file]).collect();
        let long: Vec<&Article> = set.iter().copied().filter(|a| is_long[a.file]).collect();
        let long = train(if long.is_empty() { &short } else { &long }, &file_weights, &args);
        let filter = choose_lead_filter(&short, &file_weights, &long, &selector, &args.grid, args.r2_weight);
        (SentenceScorer::with_models(filter, long.clone()), filter, long)
    };
    if let Some(path) = &args.grid_dump {
        // the whole product grid (not the trainer's coordinate search), so any way of
        // choosing a rule can be tried on it outside this program
        let combos: Vec<LeadFilter> = args.grid[0]
            .iter()
            .flat_map(|&c| args.grid[1].iter().map(move |&w| (c, w)))
            .flat_map(|(c, w)| args.grid[2].iter().map(move |&q| (c, w, q)))
            .flat_map(|(c, w, q)| args.grid[3].iter().map(move |&cw| (c, w, q, cw)))
            .flat_map(|(c, w, q, cw)| args.grid[4].iter().map(move |&rw| (c, w, q, cw, rw)))
            .map(|(min_centrality, min_words, q, centrality_weight, recurrence_weight)| LeadFilter { min_centrality, min_words, skip_questions: q > 0.5, centrality_weight, recurrence_weight })
            .collect();
        let long = Linear { mean: [0.0; FEATURES], scale: [1.0; FEATURES], weights: [0.0; FEATURES] };
        let mut out = String::new();
        for a in articles.iter().filter(|a| !is_long[a.file]) {
            let mut summaries: Vec<Vec<&str>> = Vec::new();
            let mut ids = Vec::with_capacity(combos.len());
            for f in &combos {
                let texts = summary_texts(a, &SentenceScorer::with_models(*f, long.clone()), &selector);
                let id = summaries.iter().position(|s| *s == texts).unwrap_or_else(|| {
                    summaries.push(texts);
                    summaries.len() - 1
                });
                ids.push(id);
            }
            out += &serde_json::json!({"file": a.file, "index": a.index, "ids": ids, "summaries": summaries}).to_string();
            out.push('\n');
        }
        let grid: Vec<serde_json::Value> = combos.iter().map(|f| serde_json::json!([f.min_centrality, f.min_words, f.skip_questions, f.centrality_weight, f.recurrence_weight])).collect();
        if let Err(e) = std::fs::write(path, out).and_then(|_| std::fs::write(format!("{path}.grid"), serde_json::Value::Array(grid).to_string())) {
            eprintln!("cannot write {path}: {e}");
        }
        eprintln!("wrote {path}");
        return;
    }
    if args.cv > 1 {
        let mut sums = vec![[0f32; 5]; args.data.len()];
        // per-story sign test against LEAD-k: R1 wins, R1 losses, R2 wins, R2 losses
        let mut signs = vec![[0usize; 4]; args.data.len()];
        let mut oof = String::new();
        for (rep, fold) in (0..args.repeats.max(1)).flat_map(|r| (0..args.cv).map(move |f| (r, f))) {
            // repeat 0 deals articles round-robin, later repeats by a hash of (index, repeat)
            let fold_of = |i: usize| if rep == 0 { i % args.cv } else { ((i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ rep as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9) as usize >> 7 } % args.cv;
            let train_set: Vec<&Article> = articles.iter().enumerate().filter(|(i, _)| fold_of(*i) != fold).map(|(_, a)| a).collect();
            let (scorer, filter, _) = fit(&train_set);
            eprintln!("repeat {rep} fold {fold}: {filter:?}");
            for (_, a) in articles.iter().enumerate().filter(|(i, _)| fold_of(*i) == fold) {
                let ((m1, m2), (l1, l2)) = evaluate(a, &scorer, &selector);
                if args.oof.is_some() {
                    oof += &serde_json::json!({"file": a.file, "index": a.index, "rep": rep, "summary": summary_texts(a, &scorer, &selector)}).to_string();
                    oof.push('\n');
                }
                let s = &mut sums[a.file];
                s[0] += m1;
                s[1] += m2;
                s[2] += l1;
                s[3] += l2;
                s[4] += 1.0;
                let t = &mut signs[a.file];
                t[0] += (m1 > l1 + 1e-6) as usize;
                t[1] += (m1 + 1e-6 < l1) as usize;
                t[2] += (m2 > l2 + 1e-6) as usize;
                t[3] += (m2 + 1e-6 < l2) as usize;
            }
        }
        if let Some(path) = &args.oof {
            if let Err(e) = std::fs::write(path, &oof) {
                eprintln!("cannot write {path}: {e}");
            }
        }
        for (f, s) in sums.iter().enumerate() {
            let n = s[4].max(1.0) / 100.0;
            println!(
                "cv {}: n={} model R1 {:.2} R2 {:.2} | lead R1 {:.2} R2 {:.2} | stories above/below lead R1 {}/{} R2 {}/{}",
                args.data[f].0, s[4], s[0] / n, s[1] / n, s[2] / n, s[3] / n, signs[f][0], signs[f][1], signs[f][2], signs[f][3]
            );
        }
    }
    let all: Vec<&Article> = articles.iter().collect();
    let (scorer, filter, long) = fit(&all);
    if let Some(path) = &args.oof {
        // the in-sample summaries beside the out-of-fold ones, to compare the two
        let lines: String = articles
            .iter()
            .map(|a| serde_json::json!({"file": a.file, "index": a.index, "rep": -1, "summary": summary_texts(a, &scorer, &selector)}).to_string() + "\n")
            .collect();
        if let Err(e) = std::fs::write(format!("{path}.all"), lines) {
            eprintln!("cannot write {path}.all: {e}");
        }
    }
    eprintln!("short rule: {filter:?}");
    eprintln!("long model:");
    for (i, name) in FEATURE_NAMES.iter().enumerate() {
        eprintln!("{:>20} {:+.3}  x share {:+.3}", name, long.weights[i], long.weights[BASE_FEATURES + 1 + i]);
    }
    eprintln!("{:>20} {:+.3}", "share", long.weights[BASE_FEATURES]);
    if let Some(out) = &args.out {
        let cmd: Vec<String> = std::env::args().skip(1).collect();
        let fmt = |v: &[f32]| v.iter().map(|x| format!("{x:.6}")).collect::<Vec<_>>().join(", ");
        let mut body = format!(
            "//! Summary scorer weights, generated by `cargo run --release --example train_summary -- {}`.\n\
             //! Do not edit by hand. Features: see `features::FEATURE_NAMES`.\n\
             #![allow(clippy::all)]\n\
             use super::features::FEATURES;\n",
            cmd.join(" ")
        );
        body += &format!(
            "/// Least centrality a sentence needs to pass the short-summary rule.\npub const LEAD_MIN_CENTRALITY: f32 = {:.6};\n\
             /// Fewest words a sentence needs to pass the short-summary rule.\npub const LEAD_MIN_WORDS: f32 = {:.1};\n\
             /// Whether the short-summary rule passes over questions.\npub const LEAD_SKIP_QUESTIONS: bool = {};\n\
             /// Score the short-summary rule adds per unit of centrality.\npub const LEAD_CENTRALITY_WEIGHT: f32 = {:.6};\n\
             /// Score the short-summary rule adds per unit of the `recurring` feature.\npub const LEAD_RECURRENCE_WEIGHT: f32 = {:.6};\n",
            filter.min_centrality, filter.min_words, filter.skip_questions, filter.centrality_weight, filter.recurrence_weight
        );
        {
            let (name, m) = ("LONG", &long);
            body += &format!(
                "/// Mean of each feature ({name} summaries model).\npub const {name}_MEAN: [f32; FEATURES] = [{}];\n\
                 /// Spread of each feature ({name} summaries model).\npub const {name}_SCALE: [f32; FEATURES] = [{}];\n\
                 /// Weight of each standardised feature ({name} summaries model).\npub const {name}_WEIGHTS: [f32; FEATURES] = [{}];\n",
                fmt(&m.mean),
                fmt(&m.scale),
                fmt(&m.weights)
            );
        }
        if let Err(e) = std::fs::write(out, body) {
            eprintln!("cannot write {out}: {e}");
            std::process::exit(1);
        }
        eprintln!("wrote {out}");
    }
}
