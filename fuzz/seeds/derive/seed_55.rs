#[privacy(category = im::LogData)]
pub struct Tagged<'a, T, const N: usize>
where
    T: Clone,
{
    pub interface: &'a str,
    pub payload: T,
    #[privacy(redact)]
    pub tags: [u8; N],
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A generic nested record.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct Envelope<T: Classified> {
    #[privacy(nested)]
    pub inner: T,
    pub hops: u8,
}

/// A lifetime-only type is registered like a concrete one.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct Borrowed<'a> {
    #[privacy(redact = partial(keep_last = 3))]
    pub interface: &'a str,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn show<T: Debug>(value: &T) -> String {
    format!("{value:?}")
}

