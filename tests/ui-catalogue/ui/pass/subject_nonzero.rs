use privacy_core::{Classified, SubjectId, im};
use std::num::NonZeroU64;

#[derive(Classified)]
#[privacy(category = im::UserInformation)]
pub struct Profile {
    #[privacy(subject)]
    pub user_id: NonZeroU64,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {
    let profile = Profile { user_id: NonZeroU64::new(42).unwrap(), at: chrono::DateTime::UNIX_EPOCH };
    let mut subjects = Vec::new();
    profile.visit_subjects(&mut |_, id| subjects.push(id));
    assert_eq!(subjects, [SubjectId::new("42")]);
}
