//! The declared minimum supported Rust version, checked where this machine can check it.
//!
//! No older toolchain can be installed here, so the MSRV is held by three mechanical checks
//! instead of a build with that toolchain: every crate of the workspace declares the same
//! `rust-version` (this file); no package of the locked build graph, with every feature on,
//! declares a newer one (this file); and clippy's `incompatible_msrv` lint, run with warnings
//! denied in `.ci/run`, refuses standard-library items stabilised after it in library and binary
//! code (clippy skips tests). Language features newer than the MSRV are not checked.

use serde_json::Value;
use std::process::Command;

/// `1.89` or `1.89.0` as comparable numbers.
fn version(text: &str) -> Vec<u64> {
    let mut parts: Vec<u64> = text
        .split('.')
        .map(|part| {
            part.parse()
                .unwrap_or_else(|_| panic!("`{text}` is not a rust-version"))
        })
        .collect();
    parts.resize(3, 0);
    parts
}

fn locked_metadata() -> Value {
    let workspace = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--all-features",
            "--locked",
        ])
        .current_dir(workspace)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

#[test]
fn the_build_graph_fits_the_declared_rust_version() {
    let metadata = locked_metadata();
    let members: Vec<&str> = metadata["workspace_members"]
        .as_array()
        .expect("workspace members")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let packages = metadata["packages"].as_array().expect("packages");
    let is_member = |package: &Value| members.contains(&package["id"].as_str().unwrap_or_default());

    let mut declared: Vec<(String, String)> = packages
        .iter()
        .filter(|package| is_member(package))
        .map(|package| {
            let name = package["name"].as_str().unwrap_or_default().to_owned();
            let rust_version = package["rust_version"]
                .as_str()
                .unwrap_or_else(|| panic!("crate `{name}` declares no rust-version: add `rust-version.workspace = true`"))
                .to_owned();
            (name, rust_version)
        })
        .collect();
    declared.sort_by_key(|(_, rust_version)| version(rust_version));
    let (_, msrv) = declared.first().expect("the workspace has crates").clone();
    assert!(
        declared
            .iter()
            .all(|(_, rust_version)| version(rust_version) == version(&msrv)),
        "the workspace's crates declare different rust-versions: {declared:?}"
    );

    let too_new: Vec<String> = packages
        .iter()
        .filter(|package| !is_member(package))
        .filter_map(|package| {
            let needs = package["rust_version"].as_str()?;
            (version(needs) > version(&msrv)).then(|| {
                format!(
                    "{} {} needs Rust {needs}",
                    package["name"].as_str().unwrap_or_default(),
                    package["version"].as_str().unwrap_or_default()
                )
            })
        })
        .collect();
    assert!(
        too_new.is_empty(),
        "the workspace declares rust-version {msrv}, but its locked dependencies need more: {too_new:?}; \
         raise `rust-version` in the workspace Cargo.toml or pin an older release"
    );
}
