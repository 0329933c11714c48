//! The data layer of an instant-messaging service, run as a demo on a simulated clock.

mod model;

fn main() {}
