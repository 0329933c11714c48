//! The drift gate: the service's types against its declared policy, in one line.

use chat_service::{ChatMessage, RequestLog, UserProfile};
use privacy_core::Classified;
use privacy_core::report::gate;

#[test]
fn the_code_keeps_the_declared_policy() {
    let types = [
        ChatMessage::DESCRIPTOR,
        UserProfile::DESCRIPTOR,
        RequestLog::DESCRIPTOR,
    ];
    if let Err(drift) = gate::check_types(include_str!("../policy.toml"), &types) {
        panic!("{drift}");
    }
}
