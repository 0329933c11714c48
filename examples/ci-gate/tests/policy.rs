//! The one line a team adds to its tests: the code keeps the declared policy.

#[test]
fn the_code_keeps_the_declared_policy() {
    let _ = <ci_gate::RequestLog as privacy_core::Classified>::DESCRIPTOR;
    privacy_core::report::gate::check(include_str!("../policy.toml")).unwrap();
}
