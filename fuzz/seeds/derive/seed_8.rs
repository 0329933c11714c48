#[privacy(category = NotACategory)]
pub struct RequestLog {
    pub interface: String,
}

