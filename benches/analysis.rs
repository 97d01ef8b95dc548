//! Throughput of each stage and of the whole analysis on generated articles of 1 KB to 1 MB,
//! each reported as a ratio against a plain tokenisation pass over the same text in the same run,
//! so the figures carry across machines and loads, and the growth with input size shows.
//!
//! `cargo bench --bench analysis` runs criterion, then prints the ratio table.
//! `PRECIS_BENCH_QUICK=1` skips criterion and prints only the table.

mod article_gen;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use precis::text::{tokens, ArticleFinder, SentenceSplitter};
use precis::{Analyzer, Document};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SIZES: &[usize] = &[1_000, 10_000, 100_000, 1_000_000];

fn tokenize_pass(text: &str) -> usize {
    tokens(text).count()
}

fn stages(c: &mut Criterion) {
    let analyzer = Analyzer::default();
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
    for &size in SIZES {
        let text = article_gen::article(size, 7);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("tokenize", size), &text, |b, t| b.iter(|| tokenize_pass(black_box(t))));
        group.bench_with_input(BenchmarkId::new("document", size), &text, |b, t| b.iter(|| Document::new(black_box(t)).tokens.len()));
        group.bench_with_input(BenchmarkId::new("whole", size), &text, |b, t| b.iter(|| analyzer.analyze(black_box(t))));
    }
    group.finish();
}

criterion_group!(benches, stages);

/// CPU time of this thread, from the kernel's scheduler statistics; wall time elsewhere.
fn cpu_now() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<u64>().ok()))
        .map(Duration::from_nanos)
        .unwrap_or_else(|| {
            static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
            START.get_or_init(Instant::now).elapsed()
        })
}

/// CPU seconds per run of `f`, repeated until at least `budget` of CPU time is spent.
fn per_run(budget: Duration, mut f: impl FnMut()) -> f64 {
    f(); // warm
    let start = cpu_now();
    let mut runs = 0u32;
    while cpu_now() - start < budget || runs < 3 {
        f();
        runs += 1;
    }
    (cpu_now() - start).as_secs_f64() / f64::from(runs)
}

fn ratio_table() {
    let analyzer = Analyzer::default();
    let finder = ArticleFinder::default();
    let splitter = SentenceSplitter::default();
    println!("\nPrécis throughput, CPU time per run (tokens = our tokenizer's count over the whole input)");
    println!("(set aside: the share of the input's bytes the article finder left out, which the later stages do not read)");
    println!("{:>9} {:>8} {:>12} {:>12} {:>12} {:>14} {:>10} {:>10} {:>10}", "bytes", "tokens", "tokenize µs", "document µs", "whole µs", "whole tok/CPU-s", "whole/tok", "µs/KB", "set aside");
    for &size in SIZES {
        let text = article_gen::article(size, 7);
        let n_tokens = tokenize_pass(&text);
        let budget = Duration::from_millis(if size >= 1_000_000 { 3000 } else { 800 });
        let tok = per_run(budget, || {
            black_box(tokenize_pass(black_box(&text)));
        });
        let doc = per_run(budget, || {
            black_box(Document::with(black_box(&text), &finder, &splitter).tokens.len());
        });
        let whole = per_run(budget, || {
            black_box(analyzer.analyze(black_box(&text)));
        });
        let set_aside: usize = analyzer.analyze(&text).ignored.iter().map(|i| i.end - i.start).sum();
        println!(
            "{:>9} {:>8} {:>12.1} {:>12.1} {:>12.1} {:>14.0} {:>10.1} {:>10.2} {:>9.1}%",
            text.len(),
            n_tokens,
            tok * 1e6,
            doc * 1e6,
            whole * 1e6,
            n_tokens as f64 / whole,
            whole / tok,
            whole * 1e6 / (text.len() as f64 / 1024.0),
            100.0 * set_aside as f64 / text.len() as f64
        );
    }
}

/// Growth of the whole analysis on inputs built to trip a quadratic path: a single line with no
/// break, a quote every few words, a name every other word, unclosed quote marks.
fn adversarial_table() {
    let analyzer = Analyzer::default();
    println!("\nAdversarial inputs: whole analysis, CPU µs per KB (flat = linear)");
    println!("{:>10} {:>12} {:>12} {:>12} {:>12}", "bytes", "one-line", "quotes", "names", "unclosed");
    for &size in &[10_000usize, 100_000, 1_000_000] {
        let mut row = format!("{size:>10}");
        for kind in ["one-line", "quotes", "names", "unclosed"] {
            let text = article_gen::adversarial(kind, size);
            let t = per_run(Duration::from_millis(if size >= 1_000_000 { 1500 } else { 400 }), || {
                black_box(analyzer.analyze(black_box(&text)));
            });
            row.push_str(&format!(" {:>12.2}", t * 1e6 / (text.len() as f64 / 1024.0)));
        }
        println!("{row}");
    }
}

fn main() {
    if std::env::var_os("PRECIS_BENCH_QUICK").is_none() {
        benches();
        Criterion::default().configure_from_args().final_summary();
    }
    ratio_table();
    adversarial_table();
}
