//! The crate's layout rules, checked on its sources: which module may name which.

use std::fs;
use std::path::{Path, PathBuf};

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../privacy-core/src")
}

/// Every `.rs` file under `dir` (a file path is taken as it is).
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    if dir.is_file() {
        return vec![(dir.to_owned(), fs::read_to_string(dir).unwrap())];
    }
    let mut found = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            found.push((path, text));
        }
    }
    found
}

/// The files under `dir` whose code (not comments) names `needle`.
fn naming(dir: &str, needle: &str) -> Vec<String> {
    sources(&core_src().join(dir))
        .into_iter()
        .filter(|(_, text)| {
            text.lines()
                .map(str::trim_start)
                .filter(|line| !line.starts_with("//"))
                .any(|line| line.contains(needle))
        })
        .map(|(path, _)| path.display().to_string())
        .collect()
}

#[test]
fn reports_do_not_reach_into_the_store() {
    assert_eq!(naming("report", "store::"), Vec::<String>::new());
}
