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

#[test]
fn classified_and_redact_do_not_import_each_other() {
    // `redact/` builds its outputs on `Classified`; `classified.rs` may use only the walk
    // (`visit.rs`), which names neither.
    assert_eq!(naming("classified.rs", "redact::"), Vec::<String>::new());
    assert_eq!(naming("visit.rs", "redact::"), Vec::<String>::new());
    assert_eq!(naming("visit.rs", "Classified;"), Vec::<String>::new());
    assert_eq!(
        naming("visit.rs", "crate::{Classified"),
        Vec::<String>::new()
    );
}

#[test]
fn each_sink_kind_has_its_own_file() {
    let sink = core_src().join("sink");
    for kind in ["mod.rs", "log.rs", "metrics.rs", "third_party.rs"] {
        assert!(sink.join(kind).is_file(), "sink/{kind}");
    }
    assert!(!core_src().join("sink.rs").exists());
    for (file, sink_trait) in [
        ("sink/log.rs", "pub trait LogSink"),
        ("sink/metrics.rs", "pub trait MetricsSink"),
        ("sink/third_party.rs", "pub trait ThirdPartySink"),
    ] {
        let found: Vec<String> = naming("sink", sink_trait);
        assert_eq!(found.len(), 1, "{sink_trait}: {found:?}");
        assert!(found[0].ends_with(file), "{sink_trait} in {}", found[0]);
    }
}

#[test]
fn the_im_taxonomy_keeps_its_words_in_its_own_folder() {
    // No generic report file holds a phrase or mapping entry of an `im` category, item or use.
    let entries: Vec<String> = sources(&core_src().join("report"))
        .into_iter()
        .flat_map(|(path, text)| {
            text.lines()
                .map(str::trim_start)
                .filter(|line| {
                    ["(\"im.", "(\"item:", "(\"use:", "\"im."]
                        .iter()
                        .any(|entry| line.starts_with(entry))
                })
                .map(|line| format!("{}: {line}", path.display()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(entries, Vec::<String>::new());
    for file in [
        "mod.rs",
        "fideslang.rs",
        "lang/mod.rs",
        "lang/en.rs",
        "lang/zh.rs",
        "lang/ja.rs",
        "lang/ko.rs",
        "lang/id.rs",
    ] {
        assert!(core_src().join("im").join(file).is_file(), "im/{file}");
    }
}

#[test]
fn the_serde_feature_switches_on_no_module_of_its_own_part() {
    let manifest = fs::read_to_string(core_src().join("../Cargo.toml")).unwrap();
    let feature = |name: &str| {
        manifest
            .lines()
            .find(|line| line.starts_with(&format!("{name} = [")))
            .unwrap_or_else(|| panic!("no feature `{name}`"))
            .to_owned()
    };
    assert_eq!(
        feature("default"),
        r#"default = ["derive", "serde", "store"]"#
    );
    assert!(feature("nats").contains("\"store\""), "{}", feature("nats"));
    // Under `serde`, only serde's own adapter module; every other part has its feature.
    let lib = fs::read_to_string(core_src().join("lib.rs")).unwrap();
    let lines: Vec<&str> = lib.lines().collect();
    let under_serde: Vec<&str> = lines
        .windows(2)
        .filter(|pair| pair[0] == "#[cfg(feature = \"serde\")]" && pair[1].starts_with("pub mod"))
        .map(|pair| pair[1])
        .collect();
    assert_eq!(under_serde, ["pub mod secret_serde;"]);
    let store = lines
        .iter()
        .position(|line| *line == "pub mod store;")
        .unwrap();
    assert_eq!(lines[store - 1], "#[cfg(feature = \"store\")]");
}

#[test]
fn each_scalar_list_is_written_once() {
    // `scalars.rs` lists the standard scalars; the traits implemented for them take the lists
    // through `for_scalars!`, so no other file writes them out again.
    for needle in ["i128", "NonZeroI128"] {
        let found: Vec<String> = naming("", needle)
            .into_iter()
            .filter(|path| !path.ends_with("/scalars.rs"))
            .collect();
        assert_eq!(found, Vec::<String>::new(), "{needle}");
    }
}

#[test]
fn the_strategies_trait_stands_apart_from_their_impls() {
    // `redact/strategy.rs`: masks, markers and the `Redact` trait, no impl of it; what each
    // strategy does is in `redact/strategies/`, one file per strategy.
    let strategy = fs::read_to_string(core_src().join("redact/strategy.rs")).unwrap();
    let impls: Vec<&str> = strategy
        .lines()
        .filter(|line| line.starts_with("impl"))
        .collect();
    assert_eq!(impls, Vec::<&str>::new());
    for file in [
        "mod.rs",
        "ip.rs",
        "email.rs",
        "partial.rs",
        "len.rs",
        "hash.rs",
        "containers.rs",
    ] {
        let path = core_src().join("redact/strategies").join(file);
        assert!(path.is_file(), "redact/strategies/{file}");
    }
}

#[test]
fn a_type_has_one_key() {
    // `TypeDescriptor::key` names a type; no other function formats it.
    assert_eq!(naming("", "fn type_key"), Vec::<String>::new());
}

#[test]
fn one_bulk_loader_creates_the_loaded_table() {
    // The sweep benchmark, the fault tests and their child sweeper load `request_logs` through
    // `src/bulk.rs` alone.
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        "benches/sweep.rs",
        "tests/engine_faults.rs",
        "src/bin/sweep_child.rs",
    ] {
        let text = fs::read_to_string(tests.join(file)).unwrap();
        assert!(
            !text.contains("CREATE TABLE request_logs"),
            "{file} creates request_logs: use privacy_tests::bulk"
        );
    }
}
