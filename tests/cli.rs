//! The CLI contract `precis analyze --jsonl`, which the team's scorers and outside scripts rely on.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_precis"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the precis binary runs");
    child.stdin.take().expect("stdin").write_all(stdin).expect("write stdin");
    let out = child.wait_with_output().expect("precis finishes");
    (String::from_utf8(out.stdout).expect("UTF-8 output"), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1))
}

fn lines(out: &str) -> Vec<serde_json::Value> {
    out.lines().map(|l| serde_json::from_str(l).expect("every output line is JSON")).collect()
}

#[test]
fn jsonl_answers_every_line_in_order_with_its_id() {
    let input = concat!(
        r#"{"id": 7, "text": "The mayor of Leeds spoke on Monday. “We will rebuild,” she said."}"#, "\n",
        "not json at all\n",
        r#"{"id": "b", "html": "<p>One &amp; two.</p><script>evil()</script>"}"#, "\n",
        "\n",
        r#"{"id": [1, 2], "text": 5}"#, "\n",
        r#"{"id": null}"#, "\n",
        r#"{"id": "k", "text": "A first sentence is here. A second one follows it. A third closes it.", "sentences": 1}"#, "\n",
        r#"{"id": "bad-k", "text": "x", "sentences": -2}"#, "\n",
    );
    let (out, _, code) = run(&["analyze", "--jsonl"], input.as_bytes());
    assert_eq!(code, 0);
    let got = lines(&out);
    assert_eq!(got.len(), 7, "one line per non-blank input line:\n{out}");
    assert_eq!(got[0]["id"], 7);
    assert!(got[0]["sentences"].as_array().unwrap().len() == 2);
    assert!(got[0].get("text").is_none(), "text input: no derived text in the output");
    assert!(got[1]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(got[1]["id"], serde_json::Value::Null);
    assert_eq!(got[2]["id"], "b");
    assert_eq!(got[2]["text"], "One & two.");
    assert_eq!(got[3]["id"], serde_json::json!([1, 2]));
    assert!(got[3]["error"].as_str().unwrap().contains("\"text\" must be a string"));
    assert!(got[4]["error"].as_str().unwrap().contains("\"text\" or \"html\""));
    assert_eq!(got[5]["summary"].as_array().unwrap().len(), 1);
    assert!(got[6]["error"].as_str().unwrap().contains("sentences"));
}

#[test]
fn jsonl_offsets_are_utf8_bytes_on_char_boundaries() {
    let text = "“Çà va,” dit-il. Émile Zola wrote from Paris 🇫🇷 on Tuesday, “J’accuse.”";
    let input = serde_json::json!({"id": 1, "text": text}).to_string() + "\n";
    let (out, _, _) = run(&["analyze", "--jsonl"], input.as_bytes());
    let a = &lines(&out)[0];
    let mut spans = Vec::new();
    for key in ["sentences", "summary", "ignored"] {
        for s in a[key].as_array().unwrap() {
            spans.push((s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize));
        }
    }
    for e in a["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            spans.push((m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize));
        }
    }
    for q in a["quotes"].as_array().unwrap() {
        spans.push((q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize));
    }
    assert!(!spans.is_empty());
    for (s, e) in spans {
        assert!(s <= e && e <= text.len(), "{s}..{e} inside the text");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{s}..{e} on char boundaries");
    }
}

#[test]
fn analyze_reads_a_file_and_html_flag() {
    let dir = std::env::temp_dir().join(format!("precis-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("page.html");
    std::fs::write(&path, "<h1>Title here</h1><p>The council met in York on Friday to vote.</p>").unwrap();
    let (out, _, code) = run(&["analyze", path.to_str().unwrap(), "--html"], b"");
    assert_eq!(code, 0);
    let a: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(a["text"], "Title here\nThe council met in York on Friday to vote.");
    let (_, err, code) = run(&["analyze", dir.join("missing.txt").to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert!(err.contains("missing.txt"), "the error names the file: {err}");
    let (_, err, code) = run(&["analyze", "--sentences", "many"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("whole number"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stdin_that_is_not_utf8_is_read_lossily_not_rejected() {
    let (out, _, code) = run(&["analyze"], b"Caf\xe9 owners in Lyon met on Sunday.\n");
    assert_eq!(code, 0);
    let a: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(a["sentences"].as_array().unwrap().len(), 1);
    assert_eq!(a["text"], "Caf\u{fffd} owners in Lyon met on Sunday.\n", "the repaired text the offsets refer to");
    assert!(a["notices"][0].as_str().unwrap().contains("UTF-8"));
}
