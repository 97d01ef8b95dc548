//! Learns the cue lexicon of `src/quotes/cues.tsv` from PolNeAR-layout JSON lines.
//!
//! For every lower-cased word it counts how often the word occurs in the texts and how
//! often it lies inside an annotated cue span; a word is kept when it was a cue at least
//! `MIN_CUE` times and in at least `MIN_SHARE` of its uses. The file holds `word<TAB>share`,
//! one a line, sorted by word, and the attributor reads the share as the word's strength
//! as a cue. Only words are written, never text.
//!
//! Run (dev part only; the test part is never read here):
//! `cargo run --release --example train_quotes -- ../shared/data/polnear/dev/polnear.jsonl src/quotes/cues.tsv`

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};

const MIN_CUE: usize = 3;
const MIN_SHARE: f64 = 0.1;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err("usage: train_quotes <polnear dev jsonl> <out cues.tsv>".into());
    };
    let mut uses: HashMap<String, usize> = HashMap::new();
    let mut cues: HashMap<String, usize> = HashMap::new();
    for line in BufReader::new(std::fs::File::open(input)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line)?;
        let text: Vec<char> = rec["text"].as_str().unwrap_or("").chars().collect();
        // code-point offsets covered by a cue span
        let mut in_cue = vec![false; text.len() + 1];
        for at in rec["attributions"].as_array().into_iter().flatten() {
            for s in at["cue"].as_array().into_iter().flatten() {
                let a = s["start"].as_u64().unwrap_or(0) as usize;
                let b = (s["end"].as_u64().unwrap_or(0) as usize).min(text.len());
                for flag in in_cue.iter_mut().take(b).skip(a) {
                    *flag = true;
                }
            }
        }
        let mut i = 0;
        while i < text.len() {
            if !text[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < text.len() && text[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word: String = text[start..i]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase();
            *uses.entry(word.clone()).or_default() += 1;
            if in_cue[start] {
                *cues.entry(word).or_default() += 1;
            }
        }
    }
    let mut kept: Vec<(String, f64)> = cues
        .iter()
        .filter(|&(w, &c)| c >= MIN_CUE && w.len() > 2 && !w.ends_with("ly"))
        .map(|(w, &c)| (w.clone(), c as f64 / uses[w] as f64))
        .filter(|&(_, share)| share >= MIN_SHARE)
        .collect();
    kept.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = std::fs::File::create(output)?;
    for (w, share) in &kept {
        writeln!(out, "{w}\t{share:.2}")?;
    }
    eprintln!("{} cue words written to {output}", kept.len());
    Ok(())
}
