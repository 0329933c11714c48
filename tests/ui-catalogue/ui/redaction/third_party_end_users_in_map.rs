use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
use privacy_core::{Classified, im};
use std::collections::HashMap;

#[derive(Classified, serde::Serialize)]
#[privacy(category = im::UserInformation)]
pub struct UserProfile {
    #[privacy(subject)]
    pub user_id: String,
    #[privacy(redact)]
    pub nickname: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

// End users' profiles in a map of a configuration type: nested, so redacted, and still end
// users' data, which is never shared.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData, legal_basis = contract, retention = "7d")]
pub struct AppDetails {
    pub name: String,
    #[privacy(nested)]
    pub admins_by_name: HashMap<String, UserProfile>,
}

struct Partner;

impl ThirdPartySink for Partner {
    fn write<V: Shareable>(&mut self, _record: SharedRecord<'_, V>) {}
}

fn main() {
    let details = AppDetails { name: "demo".into(), admins_by_name: HashMap::new() };
    Partner.share("audio/video integration", details.redacted());
}
