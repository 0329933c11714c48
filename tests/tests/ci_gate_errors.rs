//! The errors `examples/ci-gate` quotes are the ones the trybuild catalogue records.

use std::path::Path;

#[test]
fn every_quoted_error_is_the_catalogued_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root");
    let source = std::fs::read_to_string(root.join("examples/ci-gate/src/lib.rs"))
        .expect("ci-gate's source");
    let mut checked = 0;
    let mut case = None;
    for line in source.lines() {
        if let Some(path) = line.strip_prefix("// catalogue: ") {
            case = Some(path.trim().to_owned());
        } else if let Some(error) = line.strip_prefix("// error") {
            let path = case
                .take()
                .expect("a `// catalogue:` line before each quoted error");
            let stderr_path = root.join(&path).with_extension("stderr");
            let stderr = std::fs::read_to_string(&stderr_path)
                .unwrap_or_else(|_| panic!("{} has no .stderr", stderr_path.display()));
            let quoted = format!("error{error}");
            assert!(
                stderr.lines().any(|recorded| recorded == quoted),
                "ci-gate quotes an error that {path} no longer gives:\n{quoted}\n--- the catalogue records:\n{stderr}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} quoted errors found");
}
