use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub union Bits {
    pub int: u32,
    pub float: f32,
}

fn main() {}
