//! HTML input: no panic, offsets sound against the derived text, JSON valid.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let analysis = precis::analyze_html(&html).expect("fuzz inputs are below the HTML limit");
    let text = analysis.text.clone().expect("HTML analysis carries its text");
    if let Err(e) = analysis.check(&text) {
        panic!("{e}");
    }
    serde_json::to_string(&analysis).expect("serialises");
});
