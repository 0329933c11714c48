use privacy_core::Classified;

pub struct NotACategory;

#[derive(Classified)]
#[privacy(category = NotACategory)]
pub struct RequestLog {
    pub interface: String,
}

fn main() {}
