//! Indonesian.

use super::Phrases;
use crate::TimeUnit;

fn period(amount: u32, unit: TimeUnit) -> String {
    let unit = match unit {
        TimeUnit::Seconds => "detik",
        TimeUnit::Minutes => "menit",
        TimeUnit::Hours => "jam",
        TimeUnit::Days => "hari",
        TimeUnit::Weeks => "minggu",
        TimeUnit::Months => "bulan",
        TimeUnit::Years => "tahun",
    };
    format!("{amount} {unit}")
}

pub(super) static PHRASES: Phrases = Phrases {
    headings: [
        "Cara kami menggunakan informasi pribadi",
        "Penyimpanan data",
        "Cara kami memproses informasi pengguna akhir atas instruksi Anda",
        "Penyimpanan informasi pengguna akhir",
    ],
    columns: [
        "Kategori",
        "Item",
        "Penggunaan",
        "Dasar hukum",
        "Masa penyimpanan",
    ],
    names: &[
        (
            "basis:consent",
            "persetujuan subjek data (Pasal 6(1)(a) GDPR)",
        ),
        (
            "basis:contract",
            "pelaksanaan kontrak kami dengan Anda (Pasal 6(1)(b) GDPR)",
        ),
        (
            "basis:legal_obligation",
            "pemenuhan kewajiban hukum (Pasal 6(1)(c) GDPR)",
        ),
        (
            "basis:vital_interests",
            "perlindungan kepentingan vital (Pasal 6(1)(d) GDPR)",
        ),
        (
            "basis:public_task",
            "tugas untuk kepentingan umum (Pasal 6(1)(e) GDPR)",
        ),
        (
            "basis:legitimate_interests",
            "kepentingan sah kami (Pasal 6(1)(f) GDPR)",
        ),
    ],
    period,
    retention: [
        "{period}",
        "jangka waktu yang Anda pilih; {period} jika Anda tidak memilih",
        "selama Anda menggunakan fitur; dihapus {period} setelah Anda berhenti menggunakannya",
    ],
    ephemeral: "diproses sesaat dan tidak pernah disimpan",
    separator: "; ",
};
