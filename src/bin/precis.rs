//! The `precis` command line: analyse a file, stdin, or JSON lines.
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const HELP: &str = "precis: summary, names and quotes of a news article, as JSON

Usage:
  precis analyze [FILE] [--html] [--sentences N]
      Analyse FILE (or standard input) and print one Analysis as JSON.
      --html         the input is HTML (the output then carries the derived \"text\")
      --sentences N  summary length in sentences (default: chosen from the length)
  precis analyze --jsonl
      Read one JSON object a line from standard input:
        {\"id\": any, \"text\": \"...\"}  or  {\"id\": any, \"html\": \"...\"}, optionally \"sentences\": N
      and write one line each, in input order: the Analysis with \"id\" echoed,
      or {\"id\": ..., \"error\": \"what is wrong\"}. A bad line does not stop the run.
  precis --help | --version

Offsets are UTF-8 byte offsets into the analysed text, end exclusive.

Examples:
  precis analyze article.txt
  precis analyze page.html --html --sentences 2
  echo '{\"id\":1,\"text\":\"“Yes,” she said.\"}' | precis analyze --jsonl
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("precis: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            print!("{HELP}");
            Ok(())
        }
        Some("-V" | "--version") => {
            println!("precis {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some("analyze" | "analyse") => {
            let mut file = None;
            let mut jsonl = false;
            let mut html = false;
            let mut sentences = None;
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--jsonl" => jsonl = true,
                    "--html" => html = true,
                    "--sentences" => {
                        let n = it.next().ok_or("--sentences needs a number")?;
                        sentences = Some(n.parse::<usize>().map_err(|_| format!("--sentences takes a whole number, not {n:?}"))?);
                    }
                    "-h" | "--help" => {
                        print!("{HELP}");
                        return Ok(());
                    }
                    s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}; see precis --help")),
                    s => file = Some(s.to_string()),
                }
            }
            if jsonl {
                return jsonl_loop();
            }
            let mut input = Vec::new();
            match file.as_deref() {
                None | Some("-") => io::stdin().read_to_end(&mut input).map_err(|e| format!("reading standard input: {e}"))?,
                Some(path) => {
                    input = std::fs::read(path).map_err(|e| format!("reading {path}: {e}"))?;
                    input.len()
                }
            };
            let text = String::from_utf8_lossy(&input);
            let analyzer = precis::Analyzer::new(precis::Options { summary_sentences: sentences, ..Default::default() });
            let mut analysis = if html { analyzer.analyze_html(&text).map_err(|e| e.to_string())? } else { analyzer.analyze(&text) };
            if let std::borrow::Cow::Owned(repaired) = text {
                // bytes that were not UTF-8 were replaced: give the text the offsets refer to
                analysis.notices.push("The input was not valid UTF-8; invalid bytes were replaced with U+FFFD.".into());
                analysis.text.get_or_insert(repaired);
            }
            let json = serde_json::to_string(&analysis).map_err(|e| e.to_string())?;
            println!("{json}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}; see precis --help")),
    }
}

fn jsonl_loop() -> Result<(), String> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut reader = stdin.lock();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| format!("reading standard input: {e}"))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let line = String::from_utf8_lossy(&buf);
        if line.trim().is_empty() {
            continue;
        }
        let answer = answer_line(&line, line_no);
        out.write_all(answer.as_bytes()).and_then(|_| out.write_all(b"\n")).map_err(|e| format!("writing: {e}"))?;
    }
    out.flush().map_err(|e| format!("writing: {e}"))
}

/// One output line for one input line: an Analysis with the id, or an error with the id.
fn answer_line(line: &str, line_no: usize) -> String {
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return error_line(&serde_json::Value::Null, &format!("line {line_no}: not JSON: {e}")),
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let Some(obj) = value.as_object() else {
        return error_line(&id, &format!("line {line_no}: expected a JSON object"));
    };
    let sentences = match obj.get("sentences") {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => match v.as_u64() {
            Some(n) => Some(n as usize),
            None => return error_line(&id, &format!("line {line_no}: \"sentences\" must be a whole number")),
        },
    };
    let analyzer = precis::Analyzer::new(precis::Options { summary_sentences: sentences, ..Default::default() });
    let result = match (obj.get("text"), obj.get("html")) {
        (Some(serde_json::Value::String(t)), _) => Ok(analyzer.analyze(t)),
        (None, Some(serde_json::Value::String(h))) => analyzer.analyze_html(h).map_err(|e| e.to_string()),
        (Some(_), _) => Err("\"text\" must be a string".to_string()),
        (None, Some(_)) => Err("\"html\" must be a string".to_string()),
        (None, None) => Err("expected a \"text\" or \"html\" field".to_string()),
    };
    match result {
        Ok(analysis) => match serde_json::to_value(&analysis) {
            Ok(serde_json::Value::Object(mut map)) => {
                let mut ordered = serde_json::Map::new();
                ordered.insert("id".into(), id);
                ordered.append(&mut map);
                serde_json::Value::Object(ordered).to_string()
            }
            Ok(_) | Err(_) => error_line(&id, "internal error: could not write the analysis"),
        },
        Err(e) => error_line(&id, &format!("line {line_no}: {e}")),
    }
}

fn error_line(id: &serde_json::Value, msg: &str) -> String {
    serde_json::json!({ "id": id, "error": msg }).to_string()
}
