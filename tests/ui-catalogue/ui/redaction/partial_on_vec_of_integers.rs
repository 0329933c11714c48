use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct Subscription {
    #[privacy(redact = partial(keep_last = 2))]
    pub seat_ids: Vec<u32>,
}

fn main() {}
