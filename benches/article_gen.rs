//! Deterministic news-like articles of any length, written from our own word lists, for benchmarks.

const FIRST: &[&str] = &["Maria", "John", "Aiko", "Pedro", "Fatima", "Lars", "Chen", "Amara", "Oliver", "Priya", "Tomas", "Greta"];
const LAST: &[&str] = &["Okafor", "Lindqvist", "Moreau", "Tanaka", "Brennan", "Kowalski", "Haddad", "Silva", "Novak", "Fischer"];
const ORGS: &[&str] = &["Northwind Energy", "the Harbour Council", "Meridian Bank", "the Ministry of Transport", "Bluefield University", "Acme Rail Ltd", "the Coastal Trust"];
const PLACES: &[&str] = &["Lisbon", "Glasgow", "Nairobi", "Osaka", "Valencia", "Tromsø", "Quebec", "Adelaide"];
const VERBS: &[&str] = &["announced", "approved", "delayed", "criticised", "defended", "reviewed", "funded", "cancelled"];
const THINGS: &[&str] = &["the new bridge", "a ferry service", "the budget", "the housing plan", "a wind farm", "the tram line", "school meals"];
const JUNK: &[&str] = &["Share this article", "Sign up for our newsletter", "Most read", "Ten ideas for a weekend away in the hills…", "© 2026 Example News"];

/// A tiny linear congruential generator: the same text on every run.
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        xs[((self.0 >> 33) as usize) % xs.len()]
    }
    fn num(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// An article of about `bytes` bytes: paragraphs of reporting, quotes, reported speech and page furniture.
pub fn article(bytes: usize, seed: u64) -> String {
    let mut r = Lcg(seed);
    let mut out = String::with_capacity(bytes + 256);
    out.push_str("Home | News | Sport | Weather\n");
    while out.len() < bytes {
        let person = format!("{} {}", r.pick(FIRST), r.pick(LAST));
        let surname = person.split(' ').nth(1).unwrap_or("").to_string();
        let org = r.pick(ORGS);
        let place = r.pick(PLACES);
        let para = match r.num(4) {
            0 => format!(
                "{} {} {} in {} on Tuesday, after {} months of talks with {}. The plan will cost about ${}.{} million, officials said.",
                capital(org), r.pick(VERBS), r.pick(THINGS), place, r.num(20) + 2, person, r.num(900) + 10, r.num(10)
            ),
            1 => format!(
                "“We cannot wait another year for {},” said {}, who chairs the committee in {}. “People here deserve better.”",
                r.pick(THINGS), person, place
            ),
            2 => format!(
                "Mr. {} told reporters that {} would not change its position. According to {}, the U.S. partners of the project have {} {}.",
                surname, org, org, r.pick(VERBS), r.pick(THINGS)
            ),
            _ => format!(
                "In {}, {} said the decision was “a mistake” and {} it. She added that the No. 10 team had been told in Jan. 2025.",
                place, person, r.pick(VERBS)
            ),
        };
        out.push_str(&para);
        // every paragraph differs, as in a real article: the article finder treats repeated lines as page furniture
        out.push_str(&format!(" The council's report number {} was published on day {}.", out.len() / 97, r.num(28) + 1));
        out.push('\n');
        if r.num(9) == 0 {
            out.push_str(r.pick(JUNK));
            out.push('\n');
        }
    }
    out.push_str("Share this article\nMore from Example News: Why the tram line matters…\n");
    out
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
}

/// Inputs that stress one stage each, about `bytes` long: no line break at all, a quote in
/// every few words, a capitalised name in every other word, unbalanced quote marks.
pub fn adversarial(kind: &str, bytes: usize) -> String {
    let unit = match kind {
        "one-line" => "the harbour council met again and talked about the ferry, ",
        "quotes" => "“We will,” said Ann Lee. ",
        "names" => "Ann Lee met Tom Baker of Acme Rail in Lisbon and ",
        _ => "“open quote with no end and ",
    };
    unit.repeat(bytes / unit.len() + 1)
}
