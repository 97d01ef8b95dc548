//! The article finder: which lines of a pasted page are the article, and which are page
//! furniture (menus, share prompts, bylines, related headlines, footers).
//!
//! Each line gets a class from what it looks like; the article is then the stretch of
//! lines with the best balance of article-like text over furniture (a maximum-sum run),
//! so that a stray long line in a footer does not drag the footer in, and a short
//! heading inside the article does not cut it in two. Everything outside the stretch,
//! and furniture inside it, is reported as [`Ignored`] with a reason; nothing is deleted.

use crate::{Ignored, IgnoredReason, Span};
use regex::Regex;
use std::sync::OnceLock;

/// Lines of `text` as spans, trimmed of surrounding white space, empty lines skipped.
///
/// ```
/// let text = "  one \n\n two";
/// let got: Vec<&str> = precis::text::article::lines(text).map(|s| s.slice(text)).collect();
/// assert_eq!(got, ["one", "two"]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut pos = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = pos;
        pos += line.len();
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
    })
}

/// What a line looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineClass {
    /// Sentence-like prose.
    Prose,
    /// A short line without a full stop: a heading, a caption, a menu item.
    Short,
    /// Known furniture, with the reason.
    Furniture(IgnoredReason),
}

/// Decides which lines are article text.
///
/// ```
/// use precis::text::ArticleFinder;
/// let text = "Home | News | Sport\nThe council voted on Tuesday to close the old bridge to traffic.\nEngineers said it was no longer safe for buses and lorries.\nShare this article\nMore: Ten things to do this weekend…";
/// let (kept, ignored) = ArticleFinder::default().find(text);
/// assert_eq!(kept.len(), 2);
/// assert_eq!(ignored.len(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct ArticleFinder {
    /// Lines with fewer words than this and no sentence end count as short.
    pub min_prose_words: usize,
}

impl Default for ArticleFinder {
    fn default() -> Self {
        ArticleFinder { min_prose_words: 6 }
    }
}

fn furniture_patterns() -> &'static [(Regex, IgnoredReason)] {
    static PATTERNS: OnceLock<Vec<(Regex, IgnoredReason)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let p = |re: &str, r| (Regex::new(re).expect("valid furniture pattern"), r);
        vec![
            p(r"(?i-u)\b(share (this|on|via)|follow us|sign up|subscribe|newsletter|try our quiz|take our quiz|download (our|the) app|click here|read more|see also|related (articles|stories|topics)|most (read|popular|viewed)|recommended( for you)?|advertisement|sponsored|skip to (main )?content|log ?in|sign in|register now|comments?\s*\(\d+\)|leave a comment|print this|email this|watch:|listen:|more on this story|you may also like|trending now)\b", IgnoredReason::Prompt),
            p(r"(?i-u)(©|\bcopyright\b|all rights reserved|cookie|privacy policy|terms (of|and) (use|service|conditions)|contact us|about us|accessibility)", IgnoredReason::Boilerplate),
            p(r"(?i-u)^(by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*(,|$)|(updated|published|posted|last updated|first published)\b|\d{1,2}\s+(hours?|minutes?|days?)\s+ago\b|(image|photo|picture|video)( caption)?\s*:|(getty images|reuters|afp|ap photo)\b)", IgnoredReason::Byline),
        ]
    })
}

impl ArticleFinder {
    /// Classifies one line on its own.
    ///
    /// ```
    /// use precis::text::article::{ArticleFinder, LineClass};
    /// use precis::IgnoredReason;
    /// let f = ArticleFinder::default();
    /// assert_eq!(f.classify("Do you know all about security? Try our quiz!"), LineClass::Furniture(IgnoredReason::Prompt));
    /// assert_eq!(f.classify("The minister said the plan would be published next week."), LineClass::Prose);
    /// ```
    pub fn classify(&self, line: &str) -> LineClass {
        let words = line.split_whitespace().count();
        let last = line.trim_end().chars().last().unwrap_or(' ');
        let ends_sentence = matches!(last, '.' | '?' | '!' | '"' | '”' | '’' | '\'' | ')' | ':');
        let cut_off = line.ends_with('…') || line.ends_with("...");
        if words <= 25 {
            for (re, reason) in furniture_patterns() {
                if re.is_match(line) {
                    return LineClass::Furniture(*reason);
                }
            }
        }
        if cut_off && words <= 30 {
            return LineClass::Furniture(IgnoredReason::Related);
        }
        if line.matches(" | ").count() >= 2 || line.matches(" • ").count() >= 2 {
            return LineClass::Furniture(IgnoredReason::Navigation);
        }
        if (ends_sentence && words >= self.min_prose_words) || words >= 30 {
            LineClass::Prose
        } else if words <= 3 && !ends_sentence {
            LineClass::Furniture(IgnoredReason::Navigation)
        } else {
            LineClass::Short
        }
    }

    /// Splits `text` into kept article lines and ignored stretches, both in text order.
    pub fn find(&self, text: &str) -> (Vec<Span>, Vec<Ignored>) {
        let lines: Vec<Span> = lines(text).collect();
        let classes: Vec<LineClass> = lines.iter().map(|l| self.classify(l.slice(text))).collect();
        // maximum-sum run of line scores
        let score = |i: usize| -> i64 {
            let words = lines[i].slice(text).split_whitespace().count() as i64;
            match classes[i] {
                LineClass::Prose => words.min(80),
                LineClass::Short => -2,
                LineClass::Furniture(_) => -12,
            }
        };
        let (mut best, mut best_range) = (i64::MIN, 0..0);
        let (mut run, mut run_start) = (0i64, 0usize);
        for i in 0..lines.len() {
            if run <= 0 {
                run = 0;
                run_start = i;
            }
            run += score(i);
            if run > best {
                best = run;
                best_range = run_start..i + 1;
            }
        }
        if best <= 0 {
            // nothing prose-like at all (a list, a poem, a single heading): keep what is not furniture
            best_range = 0..lines.len();
        }
        // a heading or standfirst right before the body belongs to it
        if best_range.start > 0 && classes[best_range.start - 1] == LineClass::Short {
            let prev = best_range.start - 1;
            if lines[prev].slice(text).split_whitespace().count() >= 4 {
                best_range.start = prev;
            }
        }
        let mut kept = Vec::new();
        let mut ignored: Vec<Ignored> = Vec::new();
        for (i, (line, class)) in lines.iter().zip(&classes).enumerate() {
            let reason = match class {
                LineClass::Furniture(r) => Some(*r),
                _ if best_range.contains(&i) => None,
                _ if i < best_range.start => Some(IgnoredReason::Navigation),
                _ => Some(IgnoredReason::Related),
            };
            match reason {
                None => kept.push(*line),
                Some(reason) => match ignored.last_mut() {
                    // merge neighbours with the same reason when only white space lies between
                    Some(last) if last.reason == reason && text[last.end..line.start].trim().is_empty() => last.end = line.end,
                    _ => ignored.push(Ignored { start: line.start, end: line.end, reason }),
                },
            }
        }
        (kept, ignored)
    }
}
