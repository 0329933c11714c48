//! Any text that parses as an item goes through the derive's whole pipeline; a panic, or an
//! expansion that is not valid tokens, is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(tokens) = text.parse::<proc_macro2::TokenStream>() else {
        return;
    };
    let output = privacy_derive_harness::derive(tokens);
    // The expansion must re-parse as tokens: no unbalanced or invalid output.
    assert!(output.to_string().parse::<proc_macro2::TokenStream>().is_ok());
});
