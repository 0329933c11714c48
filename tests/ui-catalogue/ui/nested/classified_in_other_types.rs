use privacy_core::{Classified, im};

#[derive(Classified, serde::Serialize)]
#[privacy(category = im::UserInformation)]
pub struct Contact {
    #[privacy(subject)]
    pub user_id: String,
    #[privacy(redact = email)]
    pub email: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

// A plain helper holding a classified record.
#[derive(Debug, serde::Serialize)]
pub struct Card {
    pub contact: Contact,
}

// Containers a `nested` field does not take, and a type the derive cannot see into: each must
// be proved free of classified data, and none is.
#[derive(Classified, serde::Serialize)]
#[privacy(category = im::UserInformation)]
pub struct Shelf {
    #[privacy(subject)]
    pub owner: String,
    pub tagged: (u32, Contact),
    pub checked: Result<Contact, String>,
    pub card: Card,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
