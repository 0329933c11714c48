//! Indonesian names of the `im` taxonomy's categories, items and uses.

/// Phrases by key: category keys as they are, `item:<key>`, `use:<key>`.
pub(super) const NAMES: &[(&str, &str)] = &[
    ("im.log_data", "Data Log"),
    ("im.monitoring_data", "Data Pemantauan"),
    ("im.configuration_data", "Data Konfigurasi"),
    ("im.account_identifiers", "Pengenal akun"),
    ("im.user_information", "Informasi Pengguna"),
    ("im.chat_message_record", "Catatan Pesan Obrolan"),
    ("item:public_exit_ip", "IP keluar jaringan publik"),
    (
        "item:interface_request_log",
        "log permintaan antarmuka (nama antarmuka, waktu)",
    ),
    (
        "item:interface_exception_info",
        "informasi pengecualian antarmuka (penyebab)",
    ),
    (
        "item:success_rate",
        "tingkat keberhasilan per aplikasi dan antarmuka",
    ),
    (
        "item:average_latency",
        "latensi rata-rata per aplikasi dan antarmuka",
    ),
    ("item:callback_settings", "status dan URL callback"),
    ("item:package_subscription", "paket dan langganan"),
    ("item:administrator_account", "akun administrator"),
    (
        "item:application_details",
        "detail aplikasi (nama, SDKAppID, pengantar, jenis, kunci aplikasi, deskripsi, status, waktu pembuatan dan pembaruan)",
    ),
    (
        "item:friend_check_and_blocklist_settings",
        "pengaturan pemeriksaan teman dan daftar blokir",
    ),
    (
        "item:multi_platform_login_instances",
        "instans login multi-platform",
    ),
    (
        "item:offline_push_certificate_config",
        "konfigurasi sertifikat push offline (nama paket, AppID, AppSecret)",
    ),
    ("item:tags", "tag"),
    (
        "item:new_member_history_settings",
        "riwayat yang terlihat oleh anggota baru grup audio-video",
    ),
    ("item:recall_settings", "pengaturan penarikan pesan"),
    ("item:history_storage_period", "masa penyimpanan riwayat"),
    (
        "item:recent_contacts_to_pull",
        "jumlah kontak terbaru yang diambil (100 sampai 500)",
    ),
    (
        "item:default_friend_verification",
        "verifikasi pertemanan bawaan",
    ),
    (
        "item:custom_fields",
        "kolom kustom teman, pengguna, dan anggota grup",
    ),
    ("item:data_centre", "pusat data yang dipilih"),
    ("item:appid", "APPID"),
    ("item:uin", "UIN"),
    ("item:nickname", "nama panggilan"),
    ("item:avatar_url", "URL avatar"),
    ("item:personalised_signature", "tanda tangan pribadi"),
    ("item:text_message", "pesan teks"),
    ("item:photo_message", "pesan foto"),
    ("item:audio_message", "pesan audio"),
    ("item:video_message", "pesan video"),
    (
        "use:performance_analysis",
        "kami memprosesnya untuk analisis kinerja",
    ),
    (
        "use:provide_and_improve_feature",
        "kami memprosesnya untuk menyediakan dan meningkatkan fitur",
    ),
    (
        "use:network_quality_analysis",
        "kami memprosesnya untuk menganalisis kualitas jaringan",
    ),
    (
        "use:optimisation",
        "kami memprosesnya untuk mengoptimalkan layanan",
    ),
    (
        "use:locating_issues",
        "kami memprosesnya untuk menemukan masalah",
    ),
    ("use:debugging", "kami memprosesnya untuk debugging"),
    (
        "use:provide_feature_per_configuration",
        "kami memprosesnya untuk menyediakan fitur sesuai konfigurasi aplikasi",
    ),
    (
        "use:store_and_back_up",
        "kami menyimpan dan mencadangkannya di basis data relasional",
    ),
    (
        "use:provide_feature",
        "kami memprosesnya hanya untuk menyediakan fitur",
    ),
];
