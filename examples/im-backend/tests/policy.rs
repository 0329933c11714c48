//! The drift gate, as a service adds it to its tests: one line, naming none of its types.

#[test]
fn the_types_keep_the_declared_policy() {
    privacy_core::report::gate::check!(include_str!("../../../policy/im.toml")).unwrap();
}

#[test]
fn the_registry_holds_the_service_types_and_no_sample_of_privacy_cli() {
    let _ = privacy_core::report::gate::check!("");
    let mut names: Vec<String> = privacy_core::registry::types()
        .iter()
        .map(|ty| format!("{}::{}", ty.module_path, ty.name))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "im_backend::model::AccountIds",
            "im_backend::model::AppConfig",
            "im_backend::model::Message",
            "im_backend::model::MonitoringSample",
            "im_backend::model::RequestLog",
            "im_backend::model::UserProfile",
        ]
    );
}
