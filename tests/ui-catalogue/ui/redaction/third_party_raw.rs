use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
use privacy_core::{Classified, Secret, im};

#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct AppDetails {
    pub name: String,
    #[privacy(secret)]
    pub app_key: Secret<String>,
}

struct Partner;

impl ThirdPartySink for Partner {
    fn write<V: Shareable>(&mut self, _record: SharedRecord<'_, V>) {}
}

fn main() {
    let details = AppDetails { name: "demo".into(), app_key: Secret::new("k".into()) };
    Partner.share("audio/video integration", details);
}
