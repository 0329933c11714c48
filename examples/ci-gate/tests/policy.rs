//! The one line a team adds to its tests: the code keeps the declared policy. Nothing names a
//! type of the crate: `check!` links the crate's library, so the gate sees all its types.

#[test]
fn the_code_keeps_the_declared_policy() {
    privacy_core::report::gate::check!(include_str!("../policy.toml")).unwrap();
}

#[test]
fn the_gate_sees_every_type_of_the_crate_and_no_other() {
    let drift = privacy_core::report::gate::check!("[categories]").unwrap_err();
    let text = drift.to_string();
    // Every type of `ci_gate` (none of them named here) holds a category the file lacks.
    for name in ["ci_gate::RequestLog", "ci_gate::Profile"] {
        assert!(text.contains(name), "{text}");
    }
}
