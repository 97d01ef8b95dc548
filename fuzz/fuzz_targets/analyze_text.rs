//! The whole analysis on any text: no panic, offsets sound, JSON valid.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = precis::analyze(&text);
    if let Err(e) = analysis.check(&text) {
        panic!("{e}");
    }
    let json = serde_json::to_string(&analysis).expect("serialises");
    let back: precis::Analysis = serde_json::from_str(&json).expect("valid JSON that reads back");
    assert_eq!(back, analysis);
});
