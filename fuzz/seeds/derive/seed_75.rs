#[privacy(category = im::LogData)]
pub union Bits {
    pub int: u32,
    pub float: f32,
}

