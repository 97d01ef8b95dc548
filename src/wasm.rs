//! The JavaScript bindings: convert types, nothing else. Offsets in what they return are
//! UTF-16 code units, the unit of JavaScript string indices (`text.slice(start, end)`).

use wasm_bindgen::prelude::*;

fn options(sentences: Option<u32>) -> crate::Options {
    crate::Options { summary_sentences: sentences.map(|n| n as usize), ..Default::default() }
}

fn to_js(analysis: &crate::Analysis) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(analysis, &serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// Installs the panic hook so that a bug shows a message in the console, not just "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses plain text. `sentences` sets the summary length (undefined: chosen by length).
/// Returns the Analysis with UTF-16 offsets into `text`.
#[wasm_bindgen]
pub fn analyze(text: &str, sentences: Option<u32>) -> Result<JsValue, JsError> {
    let mut analysis = crate::Analyzer::new(options(sentences)).analyze(text);
    analysis.to_utf16(text);
    to_js(&analysis)
}

/// Analyses HTML. The Analysis carries `text`, the derived plain text its UTF-16 offsets refer to.
#[wasm_bindgen(js_name = analyzeHtml)]
pub fn analyze_html(html: &str, sentences: Option<u32>) -> Result<JsValue, JsError> {
    let mut analysis = crate::Analyzer::new(options(sentences)).analyze_html(html).map_err(|e| JsError::new(&e.to_string()))?;
    let text = analysis.text.clone().unwrap_or_default();
    analysis.to_utf16(&text);
    to_js(&analysis)
}

/// Converts HTML to the plain text Précis would analyse (for showing it in the text box).
#[wasm_bindgen(js_name = htmlToText)]
pub fn html_to_text(html: &str) -> String {
    crate::text::html_to_text(html).text
}

/// The version of the analyser.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
