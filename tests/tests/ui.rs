//! The trybuild catalogue: every refusal with its exact message, and every accepted shape.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    for topic in std::fs::read_dir("ui").expect("tests/ui exists") {
        let topic = topic.expect("a readable entry").file_name();
        let topic = topic.to_str().expect("a UTF-8 topic name");
        if topic != "pass" {
            cases.compile_fail(format!("ui/{topic}/*.rs"));
        }
    }
}
