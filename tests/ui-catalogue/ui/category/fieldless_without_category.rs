use privacy_core::{Classified, im};

#[derive(Classified)]
pub struct Heartbeat;

fn main() {}
