//! The trybuild catalogue: every refusal with its exact message, and every accepted shape.

//!
//! `PRIVACY_UI=nested/*.rs` runs only the cases that glob names (while working on them). Name a
//! `pass/` case too when a case's error comes from constant evaluation at instantiation:
//! trybuild only builds (rather than checks) when some case must pass.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    if let Ok(only) = std::env::var("PRIVACY_UI") {
        for glob in only.split(',') {
            if glob.starts_with("pass/") {
                cases.pass(format!("ui/{glob}"));
            } else {
                cases.compile_fail(format!("ui/{glob}"));
            }
        }
        return;
    }
    cases.pass("ui/pass/*.rs");
    for topic in std::fs::read_dir("ui").expect("tests/ui exists") {
        let topic = topic.expect("a readable entry").file_name();
        let topic = topic.to_str().expect("a UTF-8 topic name");
        if topic != "pass" {
            cases.compile_fail(format!("ui/{topic}/*.rs"));
        }
    }
}
