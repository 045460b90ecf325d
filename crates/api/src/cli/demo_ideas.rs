//! The demo's content beyond its accounts: cities abroad, citizens with profiles, three calls (the first
//! as it ran in 1399, one in review and one open now) and 250 ideas in every state with their histories.
//! Ideas are composed from hand-written templates by a fixed-seed generator, so every run gives the same
//! demo (only the dates of the two current calls follow the day the seed runs).

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::{Context, anyhow};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use db::calls::CallFields;
use db::events::NewEvent;
use domain::call::{CallPhase, CallWindow, Moment};
use domain::event::EventKind;
use domain::idea::{Channel, Content, Domain, IdeaState, Partner, ScreeningReason};
use domain::profile::{OccupationCategory, Tie, TieKind};
use domain::roles::Roles;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// The office's time zone: the first call ran "from 1 Dey to 30 Bahman" in Isfahan's days.
pub(super) const TEHRAN: Tz = chrono_tz::Asia::Tehran;

/// How many demo citizens there are besides the two demo accounts that are citizens only. Sixty, not
/// forty: the first call's 150 ideas must fit the cap of three active ideas per citizen.
pub const CITIZENS: usize = 60;

/// The demo citizens' e-mail address: citizen01@demo.example and so on.
pub fn citizen_email(number: usize) -> String {
    format!("citizen{number:02}@demo.example")
}

/// When the demo accounts were opened: before the office prepared the first call.
pub fn accounts_created_at() -> DateTime<Utc> {
    office_time(ACCOUNTS_OPENED, 9 * 60)
}

// ---------------------------------------------------------------------------------------------------------
// Cities abroad

/// City tags, for templates that fit only some cities.
const PERSIAN_SPEAKING: u8 = 1;
/// A city whose urban services Isfahan would learn from (trams, bike sharing, telemedicine).
const MODEL_CITY: u8 = 2;
const SILK_ROAD: u8 = 4;
const EARTHQUAKES: u8 = 8;

/// Partner organisations of a city, by kind: the index into `DemoCity::organisations`.
const UNIVERSITY: usize = 0;
const BUSINESS: usize = 1;
const CULTURE: usize = 2;
const CITY_HALL: usize = 3;

struct DemoCity {
    fa: &'static str,
    en: &'static str,
    country: &'static str,
    coordinates: Option<(f64, f64)>,
    tags: u8,
    /// The language spoken there that a citizen tied to it likely speaks too.
    language: &'static str,
    /// How often it is drawn when a citizen proposes for a city they have no tie to.
    weight: usize,
    organisations: [&'static str; 4],
    people: [&'static str; 3],
}

const CITIES: &[DemoCity] = &[
    DemoCity {
        fa: "بارسلون",
        en: "Barcelona",
        country: "ES",
        coordinates: Some((41.3874, 2.1686)),
        tags: MODEL_CITY,
        language: "es",
        weight: 4,
        organisations: [
            "University of Barcelona",
            "Barcelona Chamber of Commerce",
            "Museu Nacional d'Art de Catalunya",
            "Barcelona City Council",
        ],
        people: ["Marta Puig", "Jordi Vidal", "Laura Soler"],
    },
    DemoCity {
        fa: "فلورانس",
        en: "Florence",
        country: "IT",
        coordinates: Some((43.7696, 11.2558)),
        tags: MODEL_CITY,
        language: "it",
        weight: 4,
        organisations: [
            "University of Florence",
            "Florence Chamber of Commerce",
            "Uffizi Galleries",
            "Comune di Firenze",
        ],
        people: ["Giulia Bianchi", "Marco Rinaldi", "Chiara Conti"],
    },
    DemoCity {
        fa: "کوالالامپور",
        en: "Kuala Lumpur",
        country: "MY",
        coordinates: Some((3.1390, 101.6869)),
        tags: MODEL_CITY,
        language: "ms",
        weight: 4,
        organisations: [
            "Universiti Malaya",
            "Malaysia External Trade Development Corporation",
            "Islamic Arts Museum Malaysia",
            "Kuala Lumpur City Hall",
        ],
        people: ["Nurul Aina Hassan", "Ahmad Faizal", "Tan Mei Ling"],
    },
    DemoCity {
        fa: "فرایبورگ",
        en: "Freiburg",
        country: "DE",
        coordinates: Some((47.9990, 7.8421)),
        tags: MODEL_CITY,
        language: "de",
        weight: 4,
        organisations: [
            "University of Freiburg",
            "IHK Südlicher Oberrhein",
            "Theater Freiburg",
            "City of Freiburg",
        ],
        people: ["Lukas Becker", "Anna Schmid", "Jonas Weber"],
    },
    DemoCity {
        fa: "شی‌آن",
        en: "Xi'an",
        country: "CN",
        coordinates: Some((34.3416, 108.9398)),
        tags: MODEL_CITY | SILK_ROAD,
        language: "zh",
        weight: 4,
        organisations: [
            "Xi'an Jiaotong University",
            "Shaanxi Chamber of International Commerce",
            "Shaanxi History Museum",
            "Xi'an Foreign Affairs Office",
        ],
        people: ["Li Wei", "Zhang Min", "Wang Fang"],
    },
    DemoCity {
        fa: "سمرقند",
        en: "Samarkand",
        country: "UZ",
        coordinates: Some((39.6542, 66.9597)),
        tags: SILK_ROAD,
        language: "uz",
        weight: 3,
        organisations: [
            "Samarkand State University",
            "Samarkand Chamber of Commerce and Industry",
            "Samarkand State Museum-Reserve",
            "Samarkand City Administration",
        ],
        people: ["Dilshod Karimov", "Malika Yusupova", "Bekzod Rakhimov"],
    },
    DemoCity {
        fa: "سن‌پترزبورگ",
        en: "Saint Petersburg",
        country: "RU",
        coordinates: Some((59.9311, 30.3609)),
        tags: MODEL_CITY,
        language: "ru",
        weight: 3,
        organisations: [
            "Saint Petersburg State University",
            "St. Petersburg Chamber of Commerce and Industry",
            "State Hermitage Museum",
            "Committee for External Relations of St. Petersburg",
        ],
        people: ["Irina Smirnova", "Alexei Volkov", "Olga Kuznetsova"],
    },
    DemoCity {
        fa: "پاریس",
        en: "Paris",
        country: "FR",
        coordinates: Some((48.8566, 2.3522)),
        tags: MODEL_CITY,
        language: "fr",
        weight: 3,
        organisations: [
            "Sorbonne University",
            "Paris Île-de-France Chamber of Commerce",
            "Institut du monde arabe",
            "City of Paris",
        ],
        people: ["Claire Martin", "Julien Bernard", "Sophie Laurent"],
    },
    DemoCity {
        fa: "استانبول",
        en: "Istanbul",
        country: "TR",
        coordinates: Some((41.0082, 28.9784)),
        tags: MODEL_CITY | SILK_ROAD | EARTHQUAKES,
        language: "tr",
        weight: 2,
        organisations: [
            "Istanbul University",
            "Istanbul Chamber of Commerce",
            "Istanbul Modern",
            "Istanbul Metropolitan Municipality",
        ],
        people: ["Elif Yılmaz", "Mehmet Demir", "Zeynep Kaya"],
    },
    DemoCity {
        fa: "ایروان",
        en: "Yerevan",
        country: "AM",
        coordinates: Some((40.1792, 44.4991)),
        tags: SILK_ROAD | EARTHQUAKES,
        language: "hy",
        weight: 2,
        organisations: [
            "Yerevan State University",
            "Chamber of Commerce and Industry of Armenia",
            "Matenadaran",
            "Yerevan Municipality",
        ],
        people: ["Armen Petrosyan", "Anna Hakobyan", "Narek Grigoryan"],
    },
    DemoCity {
        fa: "کازان",
        en: "Kazan",
        country: "RU",
        coordinates: Some((55.7961, 49.1064)),
        tags: MODEL_CITY,
        language: "ru",
        weight: 1,
        organisations: [
            "Kazan Federal University",
            "Chamber of Commerce of Tatarstan",
            "Kazan Kremlin Museum-Reserve",
            "Kazan City Executive Committee",
        ],
        people: ["Rustam Khairullin", "Aliya Garipova", "Ildar Safin"],
    },
    DemoCity {
        fa: "دوشنبه",
        en: "Dushanbe",
        country: "TJ",
        coordinates: Some((38.5598, 68.7870)),
        tags: PERSIAN_SPEAKING | SILK_ROAD | EARTHQUAKES,
        language: "tg",
        weight: 2,
        organisations: [
            "Tajik National University",
            "Chamber of Commerce and Industry of Tajikistan",
            "National Museum of Tajikistan",
            "Dushanbe City Administration",
        ],
        people: ["Firuz Nazarov", "Manija Rahimova", "Davlat Saidov"],
    },
    DemoCity {
        fa: "هرات",
        en: "Herat",
        country: "AF",
        coordinates: Some((34.3482, 62.1997)),
        tags: PERSIAN_SPEAKING | SILK_ROAD | EARTHQUAKES,
        language: "fa",
        weight: 1,
        organisations: [
            "Herat University",
            "Herat Chamber of Commerce",
            "Herat Citadel Museum",
            "Herat Municipality",
        ],
        people: ["Ahmad Shah Rahimi", "Fatima Noori", "Zalmai Hakimi"],
    },
    DemoCity {
        fa: "کیوتو",
        en: "Kyoto",
        country: "JP",
        coordinates: Some((35.0116, 135.7681)),
        tags: MODEL_CITY | EARTHQUAKES,
        language: "ja",
        weight: 2,
        organisations: [
            "Kyoto University",
            "Kyoto Chamber of Commerce and Industry",
            "Kyoto National Museum",
            "City of Kyoto",
        ],
        people: ["Haruto Sato", "Yuki Tanaka", "Aiko Yamamoto"],
    },
    DemoCity {
        fa: "باکو",
        en: "Baku",
        country: "AZ",
        coordinates: Some((40.4093, 49.8671)),
        tags: MODEL_CITY | SILK_ROAD | EARTHQUAKES,
        language: "az",
        weight: 1,
        organisations: [
            "Baku State University",
            "Azerbaijan Chamber of Commerce and Industry",
            "Azerbaijan National Carpet Museum",
            "Baku City Executive Power",
        ],
        people: ["Elvin Huseynov", "Nigar Hasanova", "Leyla Mammadova"],
    },
    DemoCity {
        fa: "دوحه",
        en: "Doha",
        country: "QA",
        coordinates: Some((25.2854, 51.5310)),
        tags: MODEL_CITY,
        language: "ar",
        weight: 1,
        organisations: [
            "Qatar University",
            "Qatar Chamber",
            "Museum of Islamic Art",
            "Doha Municipality",
        ],
        people: ["Mariam Al-Kuwari", "Khalid Al-Mannai", "Noor Al-Sulaiti"],
    },
    DemoCity {
        fa: "آلماتی",
        en: "Almaty",
        country: "KZ",
        coordinates: Some((43.2220, 76.8512)),
        tags: SILK_ROAD | EARTHQUAKES,
        language: "kk",
        weight: 1,
        organisations: [
            "Al-Farabi Kazakh National University",
            "Almaty Chamber of Entrepreneurs",
            "Kasteyev State Museum of Arts",
            "Akimat of Almaty",
        ],
        people: ["Aigerim Nurlanova", "Yerlan Abenov", "Dana Seitkali"],
    },
    DemoCity {
        fa: "لاهور",
        en: "Lahore",
        country: "PK",
        coordinates: Some((31.5204, 74.3587)),
        tags: 0,
        language: "ur",
        weight: 1,
        organisations: [
            "University of the Punjab",
            "Lahore Chamber of Commerce and Industry",
            "Lahore Museum",
            "Lahore Metropolitan Corporation",
        ],
        people: ["Bilal Ahmed", "Ayesha Siddiqui", "Usman Tariq"],
    },
];

/// Cities a citizen added while proposing an idea, not yet checked by staff: (the city, the index of the
/// demo citizen who added it, days before the seed runs).
const CITIES_ADDED_BY_CITIZENS: &[(DemoCity, usize, i64)] = &[
    (
        DemoCity {
            fa: "بخارا",
            en: "Bukhara",
            country: "UZ",
            coordinates: None,
            tags: SILK_ROAD,
            language: "uz",
            weight: 0,
            organisations: [
                "Bukhara State University",
                "Bukhara Chamber of Commerce",
                "Bukhara State Architectural and Art Museum-Reserve",
                "Bukhara City Administration",
            ],
            people: ["Sherzod Ergashev", "Nilufar Saidova", "Jasur Toshev"],
        },
        4,
        14,
    ),
    (
        DemoCity {
            fa: "مزار شریف",
            en: "Mazar-i-Sharif",
            country: "AF",
            coordinates: None,
            tags: PERSIAN_SPEAKING | SILK_ROAD,
            language: "fa",
            weight: 0,
            organisations: [
                "Balkh University",
                "Balkh Chamber of Commerce",
                "Balkh Cultural Centre",
                "Mazar-i-Sharif Municipality",
            ],
            people: ["Hamid Sultani", "Zahra Amiri", "Nasir Ahmadi"],
        },
        21,
        9,
    ),
];

// ---------------------------------------------------------------------------------------------------------
// Citizens

const FIRST_NAMES: [&str; 30] = [
    "مریم",
    "علی",
    "زهرا",
    "محمد",
    "فاطمه",
    "حسین",
    "نرگس",
    "امیر",
    "لیلا",
    "رضا",
    "سمانه",
    "مهدی",
    "الهام",
    "حمید",
    "پریسا",
    "سعید",
    "نازنین",
    "مجید",
    "شیرین",
    "کاوه",
    "مهسا",
    "بهرام",
    "آزاده",
    "فرهاد",
    "طاهره",
    "جواد",
    "نسرین",
    "پیمان",
    "ستاره",
    "داریوش",
];

const LAST_NAMES: [&str; 30] = [
    "حسینی",
    "رضایی",
    "محمدی",
    "کریمی",
    "موسوی",
    "جعفری",
    "صادقی",
    "نوروزی",
    "اصفهانی",
    "طباطبایی",
    "شریفی",
    "قاسمی",
    "رحیمی",
    "نجفی",
    "کاظمی",
    "حیدری",
    "زمانی",
    "اکبری",
    "یزدانی",
    "فروغی",
    "مرادی",
    "سلطانی",
    "بهرامی",
    "امینی",
    "توکلی",
    "شفیعی",
    "کیانی",
    "میرزایی",
    "نصر",
    "هاشمی",
];

/// Citizens who use the English interface and write in English, mostly Iranians living abroad.
const ENGLISH_NAMES: [&str; 6] = [
    "Narges Tehrani",
    "Arash Mahdavi",
    "Leila Sadeghi",
    "Kian Moradi",
    "Sam Rostami",
    "Dana Ebrahimi",
];

/// Every tenth citizen, from the eighth on, has an English name and locale.
fn is_english_citizen(index: usize) -> bool {
    index % 10 == 7
}

const CATEGORY_CYCLE: [OccupationCategory; 20] = {
    use OccupationCategory::*;
    [
        Trader,
        Academic,
        Student,
        ArtistOrCulturalActivist,
        Trader,
        Student,
        Academic,
        MediaActivist,
        Athlete,
        Other,
        Trader,
        Academic,
        Student,
        ArtistOrCulturalActivist,
        MediaActivist,
        Other,
        Student,
        Athlete,
        Trader,
        ArtistOrCulturalActivist,
    ]
};

/// The kinds of tie a citizen of each category tends to have, most likely first.
fn tie_kinds(category: OccupationCategory) -> &'static [TieKind] {
    use TieKind::*;
    match category {
        OccupationCategory::Trader => &[Trade, Work, Trade, Family],
        OccupationCategory::Academic => &[Academic, Study, Academic],
        OccupationCategory::Student => &[Study, Study, Family],
        OccupationCategory::Athlete => &[Sports, Sports, Other],
        OccupationCategory::ArtistOrCulturalActivist => &[Cultural, Cultural, Study],
        OccupationCategory::MediaActivist => &[Media, Media, Diaspora],
        OccupationCategory::Other => &[Family, Diaspora, Other, Work],
    }
}

/// The domains a citizen of each category tends to propose in.
fn favourite_domains(category: OccupationCategory) -> &'static [Domain] {
    use Domain::*;
    match category {
        OccupationCategory::Trader => &[Economic, Tourism],
        OccupationCategory::Academic => &[Scientific, UrbanServices, HealthAndCrisisRelief],
        OccupationCategory::Student => &[Scientific, Cultural, Other],
        OccupationCategory::Athlete => &[Sports],
        OccupationCategory::ArtistOrCulturalActivist => &[Cultural, Media],
        OccupationCategory::MediaActivist => &[Media, Cultural, Tourism],
        OccupationCategory::Other => &[Other, HealthAndCrisisRelief, UrbanServices],
    }
}

// ---------------------------------------------------------------------------------------------------------
// Idea templates. `{city}` is the target city's name in the idea's language.

/// One language's text of a theme. An idea on it uses some of these sentences (see `TELLINGS`) and a few
/// shared ones (channel, partner, closing).
struct Words {
    title: &'static str,
    summary: &'static str,
    opening: &'static str,
    steps: [&'static str; 4],
    outcomes: &'static str,
}

/// A sentence of a theme.
#[derive(Clone, Copy)]
enum Part {
    Summary,
    Opening,
    Step(usize),
}

/// The ways an idea tells its theme: the sentence that serves as its summary, and the body's own sentences.
/// Each uses three of the theme's six sentences and any two share exactly one, so that the ideas of one
/// theme in a call, which take them in turn, look alike as real ones might, and only a copy looks the same.
const TELLINGS: [(Part, [Part; 2]); 4] = [
    (Part::Summary, [Part::Opening, Part::Step(0)]),
    (Part::Summary, [Part::Step(1), Part::Step(2)]),
    (Part::Opening, [Part::Step(1), Part::Step(3)]),
    (Part::Step(0), [Part::Step(2), Part::Step(3)]),
];

struct Theme {
    domain: Domain,
    /// City tags the theme needs (all of them) and avoids (any of them).
    needs: u8,
    avoids: u8,
    fa: Words,
    en: Words,
}

impl Theme {
    fn words(&self, lang: Lang) -> &Words {
        match lang {
            Lang::Fa => &self.fa,
            Lang::En => &self.en,
        }
    }

    fn fits(&self, city: &DemoCity) -> bool {
        city.tags & self.needs == self.needs && city.tags & self.avoids == 0
    }
}

const THEMES: &[Theme] = &[
    // Cultural
    Theme {
        domain: Domain::Cultural,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "هفته فرهنگی اصفهان در {city}",
            summary: "برگزاری یک هفته برنامه فرهنگی اصفهان در {city}، با موسیقی، فیلم، خوشنویسی و آشپزی اصفهانی و با همراهی نهادهای فرهنگی میزبان.",
            opening: "پیشنهاد می‌کنم هفته‌ای با عنوان «اصفهان در {city}» در یکی از مراکز فرهنگی این شهر برگزار شود.",
            steps: [
                "برنامه شامل کنسرت موسیقی سنتی، نمایش فیلم‌های ایرانی با زیرنویس محلی و کارگاه خوشنویسی برای علاقه‌مندان است.",
                "در کنار برنامه‌ها غرفه‌ای برای معرفی غذاهای اصفهانی مثل بریانی و گز برپا می‌شود تا مخاطب عام هم جذب شود.",
                "بخشی از اجراها را هنرمندان اصفهانی مقیم {city} به‌صورت داوطلبانه بر عهده می‌گیرند و هزینه‌ها میان شهرداری و میزبان تقسیم می‌شود.",
                "برای معرفی برنامه، یک نشست خبری با رسانه‌های محلی {city} و صفحه‌ای دوزبانه در شبکه‌های اجتماعی پیش‌بینی شده است.",
            ],
            outcomes: "آشنایی مردم {city} با فرهنگ اصفهان، شکل‌گیری شبکه‌ای از هنرمندان دو شهر و زمینه‌سازی برای برگزاری هفته فرهنگی {city} در اصفهان.",
        },
        en: Words {
            title: "Isfahan Cultural Week in {city}",
            summary: "A week of Isfahan's culture in {city} (music, film, calligraphy and Isfahani cooking), organised with the host city's cultural institutions.",
            opening: "I propose a week called “Isfahan in {city}” at one of the city's cultural centres.",
            steps: [
                "The programme would include a concert of Persian classical music, Iranian films with local subtitles and a calligraphy workshop open to all.",
                "Beside the programme, a stand serving Isfahani food such as biryani and gaz would draw a wider public.",
                "Isfahani artists living in {city} would volunteer for part of the programme, and the costs would be shared between the municipality and the host.",
                "A press meeting with local media in {city} and a bilingual social media page would announce the week.",
            ],
            outcomes: "People in {city} get to know Isfahan's culture, artists of the two cities form a network, and a return week of {city} in Isfahan becomes possible.",
        },
    },
    Theme {
        domain: Domain::Cultural,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "نمایشگاه نگارگری مکتب اصفهان در {city}",
            summary: "نمایش آثار نگارگران معاصر مکتب اصفهان در {city} همراه با کارگاه‌های آموزشی و نشست با هنرمندان محلی.",
            opening: "مکتب نگارگری اصفهان در {city} کمتر شناخته شده و یک نمایشگاه جدی می‌تواند این کمبود را جبران کند.",
            steps: [
                "حدود سی اثر از نگارگران زنده اصفهان انتخاب و با همکاری یک گالری معتبر در {city} به نمایش گذاشته می‌شود.",
                "در روزهای نمایشگاه، استادان اصفهانی کارگاه تذهیب و نگارگری برای دانشجویان هنر برگزار می‌کنند.",
                "کاتالوگ نمایشگاه به دو زبان منتشر می‌شود و پس از آن آثار برای فروش عرضه می‌شوند.",
                "چند اثر نیز به کتابخانه یا موزه‌ای در {city} اهدا می‌شود تا یادگار ماندگار این همکاری باشد.",
            ],
            outcomes: "معرفی هنر نگارگری اصفهان به مخاطبان {city}، فروش آثار هنرمندان و دعوت متقابل از هنرمندان {city} به اصفهان.",
        },
        en: Words {
            title: "Isfahan-school miniature painting on show in {city}",
            summary: "An exhibition of contemporary miniatures of the Isfahan school in {city}, with workshops and meetings with local artists.",
            opening: "The Isfahan school of miniature painting is little known in {city}, and a serious exhibition could change that.",
            steps: [
                "About thirty works by living Isfahani painters would be shown with a respected gallery in {city}.",
                "While the exhibition runs, Isfahani masters would teach illumination and miniature painting to art students.",
                "A bilingual catalogue would be published, and the works offered for sale afterwards.",
                "A few works would be donated to a library or museum in {city} as a lasting reminder of the exchange.",
            ],
            outcomes: "Isfahan's miniature painting reaches audiences in {city}, its artists sell their work, and artists from {city} are invited to Isfahan in return.",
        },
    },
    Theme {
        domain: Domain::Cultural,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "نمایشگاه مشترک موزه‌های اصفهان و {city}",
            summary: "همکاری موزه‌های اصفهان با موزه‌ای در {city} برای یک نمایشگاه مشترک که نخست در {city} و سپس در اصفهان برپا شود.",
            opening: "موزه‌های اصفهان و {city} هر دو گنجینه‌هایی از هنر اسلامی و تاریخ شهری دارند که کنار هم معنای تازه‌ای پیدا می‌کنند.",
            steps: [
                "پیشنهاد من نمایشگاهی با موضوع «دو شهر بر سر راه‌های تجاری» است که اشیای هر دو موزه را کنار هم قرار دهد.",
                "کارشناسان دو موزه در یک دوره کوتاه تبادل، روش‌های نگهداری و مستندسازی اشیا را با هم در میان می‌گذارند.",
                "برای کاهش هزینه، بخش نخست نمایشگاه به‌صورت مجازی و با عکاسی باکیفیت از اشیا آغاز می‌شود.",
                "برای دانش‌آموزان دو شهر هم راهنمای آموزشی نمایشگاه و بازدیدهای ویژه تهیه می‌شود.",
            ],
            outcomes: "افزایش بازدید گردشگران از موزه‌های اصفهان، انتقال دانش موزه‌داری و پیوندی ماندگار میان نهادهای فرهنگی دو شهر.",
        },
        en: Words {
            title: "A joint exhibition of the museums of Isfahan and {city}",
            summary: "Isfahan's museums and a museum in {city} prepare a joint exhibition, shown first in {city} and then in Isfahan.",
            opening: "The museums of Isfahan and {city} both hold treasures of Islamic art and urban history that gain meaning side by side.",
            steps: [
                "I suggest an exhibition on “two cities on the trade routes” that places objects from both museums next to each other.",
                "Curators of the two museums would spend a short exchange sharing how they conserve and document their collections.",
                "To keep costs down, the first part would open online, with high-quality photographs of the objects.",
                "An education guide and special tours would be prepared for school pupils in both cities.",
            ],
            outcomes: "More visitors to Isfahan's museums, shared curatorial know-how and a lasting tie between the cultural institutions of both cities.",
        },
    },
    Theme {
        domain: Domain::Cultural,
        needs: 0,
        avoids: PERSIAN_SPEAKING,
        fa: Words {
            title: "ترجمه و معرفی ادبیات معاصر اصفهان در {city}",
            summary: "ترجمه گزیده‌ای از داستان و شعر نویسندگان اصفهانی به زبان مردم {city} و برگزاری شب‌های کتاب‌خوانی با حضور مترجمان.",
            opening: "ادبیات معاصر اصفهان، از هوشنگ گلشیری تا نویسندگان جوان امروز، برای خوانندگان {city} تقریباً ناشناخته است.",
            steps: [
                "گروهی از مترجمان ایرانی و محلی گزیده‌ای از ده داستان کوتاه و بیست شعر را ترجمه می‌کنند.",
                "کتاب با همکاری یک ناشر در {city} منتشر و در کتابخانه‌های عمومی شهر معرفی می‌شود.",
                "شب‌های کتاب‌خوانی با حضور نویسندگان اصفهانی به‌صورت حضوری یا برخط برگزار می‌شود.",
                "یک کارگاه ترجمه ادبی برای مترجمان جوان دو شهر در کنار این طرح برگزار می‌شود.",
            ],
            outcomes: "شناخته‌شدن نویسندگان اصفهانی در {city}، همکاری ناشران دو شهر و ترجمه آثار نویسندگان {city} به فارسی.",
        },
        en: Words {
            title: "Contemporary Isfahani literature in translation for readers in {city}",
            summary: "An anthology of stories and poems by Isfahani writers, translated for readers in {city}, with reading evenings attended by the translators.",
            opening: "Contemporary literature from Isfahan, from Houshang Golshiri to today's young writers, is almost unknown to readers in {city}.",
            steps: [
                "A team of Iranian and local translators would translate ten short stories and twenty poems.",
                "The anthology would be published with a publisher in {city} and presented in the city's public libraries.",
                "Reading evenings with Isfahani writers would be held in person or online.",
                "A literary translation workshop for young translators of both cities would run alongside the anthology.",
            ],
            outcomes: "Isfahani writers become known in {city}, publishers of both cities start working together, and writers from {city} are translated into Persian.",
        },
    },
    Theme {
        domain: Domain::Cultural,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "کنسرت مشترک نوازندگان جوان اصفهان و {city}",
            summary: "اجرای مشترک ارکستری از نوازندگان جوان اصفهان و {city} با قطعاتی از موسیقی دو سرزمین، نخست برخط و سپس روی صحنه.",
            opening: "موسیقی زبانی است که نوازندگان جوان اصفهان و {city} بی‌واسطه با آن گفت‌وگو می‌کنند.",
            steps: [
                "ده نوازنده از هر شهر در چند جلسه تمرین برخط، قطعاتی از موسیقی ایرانی و موسیقی {city} را برای اجرای مشترک تنظیم می‌کنند.",
                "اجرای پایانی در تالاری در {city} ضبط و از شبکه‌های اجتماعی دو شهر پخش می‌شود.",
                "هنرستان موسیقی اصفهان هماهنگی نوازندگان اصفهانی را بر عهده می‌گیرد.",
                "در هر شهر یک کلاس عمومی برای معرفی سازهای ایرانی مانند تار، کمانچه و سنتور برگزار می‌شود.",
            ],
            outcomes: "آشنایی نسل جوان دو شهر با موسیقی یکدیگر و شکل‌گیری گروهی ماندگار که هر سال در یکی از دو شهر اجرا کند.",
        },
        en: Words {
            title: "A joint concert of young musicians from Isfahan and {city}",
            summary: "An orchestra of young musicians from Isfahan and {city} performs music of both traditions, online first and then on stage.",
            opening: "Music is a language in which young players from Isfahan and {city} can talk without interpreters.",
            steps: [
                "Ten musicians from each city would arrange Persian pieces and music from {city} together over a few online rehearsals.",
                "The final concert in a hall in {city} would be recorded and shared on both cities' social media.",
                "Isfahan's music conservatory would coordinate the Isfahani players.",
                "In each city a public class would introduce Persian instruments such as the tar, kamancheh and santur.",
            ],
            outcomes: "The young generation of both cities hears each other's music, and a lasting ensemble plays every year in one of the two cities.",
        },
    },
    // Economic
    Theme {
        domain: Domain::Economic,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "نمایشگاه صنایع دستی اصفهان در {city}",
            summary: "برپایی غرفه‌ای از صنایع دستی اصفهان (میناکاری، خاتم، قلمزنی و قلمکار) در نمایشگاهی تجاری در {city} برای یافتن خریداران عمده.",
            opening: "صنایع دستی اصفهان در بازار {city} خریدار دارد، اما هنرمندان ما راهی برای رسیدن به آن ندارند.",
            steps: [
                "پیشنهاد می‌کنم شهرداری با اتاق بازرگانی، غرفه‌ای مشترک برای بیست کارگاه اصفهانی در نمایشگاه سالانه {city} اجاره کند.",
                "استادکاران در غرفه به‌صورت زنده میناکاری و قلمزنی می‌کنند تا بازدیدکنندگان با روند ساخت آشنا شوند.",
                "پیش از نمایشگاه، فهرست خریداران عمده و فروشگاه‌های صنایع دستی {city} تهیه و با آنها قرار ملاقات گذاشته می‌شود.",
                "یک فروشگاه برخط مشترک پس از نمایشگاه ارتباط خریداران با کارگاه‌ها را حفظ می‌کند.",
            ],
            outcomes: "قراردادهای فروش برای کارگاه‌های کوچک اصفهان، شناخته‌شدن نشان صنایع دستی اصفهان در {city} و درآمد ارزی برای هنرمندان.",
        },
        en: Words {
            title: "An Isfahan handicrafts pavilion at a trade fair in {city}",
            summary: "A shared stand of Isfahani crafts (enamel, khatam inlay, metal engraving and qalamkar prints) at a trade fair in {city}, to find wholesale buyers.",
            opening: "Isfahani handicrafts have buyers in {city}, but our craftspeople have no way to reach them.",
            steps: [
                "I propose that the municipality and the chamber of commerce rent a shared stand for twenty Isfahani workshops at the annual fair in {city}.",
                "Masters would work live at the stand so that visitors can watch enamel and engraving being made.",
                "Before the fair, a list of wholesale buyers and craft shops in {city} would be drawn up and meetings arranged.",
                "A shared online shop would keep buyers in touch with the workshops after the fair.",
            ],
            outcomes: "Sales contracts for Isfahan's small workshops, a recognised Isfahan crafts brand in {city} and foreign income for the craftspeople.",
        },
    },
    Theme {
        domain: Domain::Economic,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "میز تجاری مشترک اصفهان و {city} برای کسب‌وکارهای کوچک",
            summary: "یک میز تجاری برخط که شرکت‌های کوچک اصفهان را با همتایانشان در {city} آشنا کند و نشست‌های تجاری دوجانبه ترتیب دهد.",
            opening: "بسیاری از شرکت‌های کوچک اصفهان کالای صادراتی دارند اما کسی را در {city} نمی‌شناسند.",
            steps: [
                "میز تجاری فهرستی از شرکت‌های آماده همکاری در هر دو شهر تهیه و هر ماه نشست‌های برخط دوجانبه برگزار می‌کند.",
                "مشاوران داوطلب با تجربه تجارت در {city}، قوانین گمرکی و بانکی را برای شرکت‌های اصفهانی توضیح می‌دهند.",
                "یک هیئت تجاری کوچک از {city} برای بازدید از شهرک‌های صنعتی اصفهان دعوت می‌شود.",
                "اطلاعات تعرفه‌ها و استانداردهای بازار {city} به زبان فارسی در اختیار اعضای میز قرار می‌گیرد.",
            ],
            outcomes: "قراردادهای تجاری تازه، افزایش صادرات غیرنفتی اصفهان و ارتباط پایدار میان اتاق‌های بازرگانی دو شهر.",
        },
        en: Words {
            title: "A shared trade desk for small businesses of Isfahan and {city}",
            summary: "An online trade desk that introduces Isfahan's small firms to counterparts in {city} and arranges one-to-one business meetings.",
            opening: "Many small firms in Isfahan have products to export but know nobody in {city}.",
            steps: [
                "The desk would keep a list of firms ready to cooperate in both cities and hold online matchmaking sessions every month.",
                "Volunteer advisers with trade experience in {city} would explain customs and banking rules to Isfahani firms.",
                "A small business delegation from {city} would be invited to visit Isfahan's industrial parks.",
                "Information on tariffs and product standards in the market of {city} would be made available in Persian to the desk's members.",
            ],
            outcomes: "New trade contracts, more non-oil exports from Isfahan and a lasting link between the two cities' chambers of commerce.",
        },
    },
    Theme {
        domain: Domain::Economic,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "فروشگاه مشترک فرش و گلیم اصفهان در {city}",
            summary: "راه‌اندازی فروشگاهی مشترک برای فرش دستباف و گلیم اصفهان در {city} با فروش حضوری و برخط و ضمانت اصالت کالا.",
            opening: "فرش دستباف اصفهان شهرت جهانی دارد، اما در {city} بیشتر فرش‌های ماشینی با نام ایران فروخته می‌شود.",
            steps: [
                "چند تولیدکننده اصفهانی با هم فروشگاهی کوچک در {city} اجاره می‌کنند و هزینه‌ها را تقسیم می‌کنند.",
                "هر فرش شناسنامه‌ای دوزبانه دارد که بافنده، نقشه و مواد آن را معرفی می‌کند.",
                "فروش برخط از همان فروشگاه، مشتریان شهرهای اطراف {city} را هم پوشش می‌دهد.",
                "هر سال نمایشی از بافت زنده فرش در فروشگاه برگزار می‌شود تا خریداران با ارزش کار دست آشنا شوند.",
            ],
            outcomes: "افزایش صادرات فرش دستباف، درآمد بیشتر برای بافندگان اصفهانی و شناخته‌شدن نشان اصالت فرش اصفهان در {city}.",
        },
        en: Words {
            title: "A shared Isfahani carpet and kilim shop in {city}",
            summary: "A shared shop for hand-woven Isfahani carpets and kilims in {city}, selling in person and online, with a guarantee of origin.",
            opening: "Isfahan's hand-woven carpets are famous worldwide, yet in {city} most “Persian” carpets on sale are machine-made.",
            steps: [
                "A few Isfahani producers would rent a small shop in {city} together and share its costs.",
                "Every carpet would carry a bilingual certificate naming its weaver, design and materials.",
                "Online sales from the same shop would reach customers in the region around {city} too.",
                "Once a year a weaver would work live in the shop so that buyers see the value of handwork.",
            ],
            outcomes: "More exports of hand-woven carpets, better income for Isfahani weavers and a recognised mark of origin for Isfahan carpets in {city}.",
        },
    },
    Theme {
        domain: Domain::Economic,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "حضور شرکت‌های دانش‌بنیان اصفهان در شتاب‌دهنده‌های {city}",
            summary: "اعزام هر سال پنج شرکت نوپای اصفهانی به یک شتاب‌دهنده در {city} و میزبانی متقابل از شرکت‌های نوپای {city} در شهرک علمی و تحقیقاتی اصفهان.",
            opening: "شهرک علمی و تحقیقاتی اصفهان شرکت‌های نوپای توانمندی دارد که برای رشد به بازار و سرمایه خارجی نیاز دارند.",
            steps: [
                "با یک شتاب‌دهنده در {city} توافق می‌شود که هر سال پنج تیم اصفهانی را برای سه ماه بپذیرد.",
                "در مقابل، شرکت‌های نوپای {city} که به بازار ایران علاقه دارند، در اصفهان فضای کار رایگان می‌گیرند.",
                "روز معرفی پایانی با حضور سرمایه‌گذاران دو شهر به‌صورت برخط پخش می‌شود.",
                "یک صندوق کوچک با مشارکت سرمایه‌گذاران دو شهر هزینه سفر و اقامت تیم‌ها را می‌پردازد.",
            ],
            outcomes: "جذب سرمایه برای شرکت‌های اصفهانی، ورود فناوری‌های تازه به اصفهان و شبکه‌ای از کارآفرینان دو شهر.",
        },
        en: Words {
            title: "Isfahan start-ups in the accelerators of {city}",
            summary: "Five young Isfahani companies a year join an accelerator in {city}, and start-ups from {city} are hosted at Isfahan Science and Technology Town in return.",
            opening: "Isfahan Science and Technology Town has capable start-ups that need foreign markets and capital to grow.",
            steps: [
                "An accelerator in {city} would agree to take five Isfahani teams for three months each year.",
                "In return, start-ups from {city} interested in the Iranian market would get free desks in Isfahan.",
                "A final demo day with investors from both cities would be streamed online.",
                "A small fund with investors from both cities would pay the teams' travel and accommodation.",
            ],
            outcomes: "Capital for Isfahani companies, new technology coming to Isfahan and a network of entrepreneurs in both cities.",
        },
    },
    // Scientific
    Theme {
        domain: Domain::Scientific,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "تبادل دانشجویی دانشگاه اصفهان و دانشگاه‌های {city}",
            summary: "یک برنامه تبادل یک‌ترمی برای دانشجویان کارشناسی ارشد و دکتری میان دانشگاه اصفهان و یکی از دانشگاه‌های {city}، با پذیرش متقابل واحدها.",
            opening: "پیشنهاد می‌کنم دانشگاه اصفهان با یکی از دانشگاه‌های {city} یک برنامه تبادل دانشجو راه بیندازد.",
            steps: [
                "هر سال ده دانشجو از هر طرف یک ترم را در دانشگاه دیگر می‌گذرانند و واحدهای آنها پذیرفته می‌شود.",
                "خوابگاه دانشجویان میهمان را دانشگاه میزبان و هزینه سفر را حامیان طرح تأمین می‌کنند.",
                "پیش از سفر، دوره‌ای فشرده برای آموزش زبان و آشنایی با فرهنگ شهر میزبان برگزار می‌شود.",
                "دانشجویان پس از بازگشت، تجربه خود را در نشستی عمومی در دانشگاه با دیگران در میان می‌گذارند.",
            ],
            outcomes: "دانشجویانی که دو شهر را از نزدیک می‌شناسند، مقاله‌ها و پایان‌نامه‌های مشترک و تفاهم‌نامه رسمی میان دو دانشگاه.",
        },
        en: Words {
            title: "Student exchange between the University of Isfahan and universities in {city}",
            summary: "A one-term exchange for master's and doctoral students between the University of Isfahan and a university in {city}, with credits recognised both ways.",
            opening: "I propose that the University of Isfahan start a student exchange with a university in {city}.",
            steps: [
                "Each year ten students from each side would spend a term at the other university, with their credits recognised.",
                "The host university would house the visiting students, and sponsors would pay for travel.",
                "Before leaving, students would take an intensive course in the host city's language and culture.",
                "On their return, students would share their experience at an open meeting at the university.",
            ],
            outcomes: "Students who know both cities first-hand, joint papers and theses, and a formal agreement between the two universities.",
        },
    },
    Theme {
        domain: Domain::Scientific,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "پژوهش مشترک در مرمت بناهای تاریخی با متخصصان {city}",
            summary: "همکاری پژوهشی دانشگاه هنر اصفهان و مرمتگران {city} در روش‌های نوین مرمت کاشی و آجر، با یک کارگاه عملی در میدان نقش جهان.",
            opening: "{city} تجربه‌ای طولانی در مرمت بافت تاریخی دارد که برای بناهای صفوی اصفهان بسیار ارزشمند است.",
            steps: [
                "گروهی از مرمتگران {city} برای یک کارگاه دوهفته‌ای در یکی از بناهای اطراف میدان نقش جهان دعوت می‌شوند.",
                "دانشجویان مرمت اصفهان در مقابل برای آموزش عملی به کارگاه‌های مرمت {city} می‌روند.",
                "نتایج پژوهش درباره پایداری کاشی‌های صفوی در برابر آلودگی هوا در یک مقاله مشترک منتشر می‌شود.",
                "یک پایگاه داده مشترک از نقشه‌ها و عکس‌های مرمت برای استفاده پژوهشگران دو شهر ساخته می‌شود.",
            ],
            outcomes: "بهبود کیفیت مرمت بناهای تاریخی اصفهان، تربیت مرمتگران جوان و پیوند علمی میان دانشگاه‌های دو شهر.",
        },
        en: Words {
            title: "Joint research on restoring historic buildings with experts from {city}",
            summary: "Isfahan's Art University and restorers from {city} research new methods for restoring tiles and brickwork, with a hands-on workshop at Naqsh-e Jahan Square.",
            opening: "{city} has long experience of restoring historic quarters, which would be valuable for Isfahan's Safavid buildings.",
            steps: [
                "A team of restorers from {city} would be invited to a two-week workshop at one of the buildings around Naqsh-e Jahan Square.",
                "In return, Isfahani restoration students would train in restoration workshops in {city}.",
                "Findings on how Safavid tiles withstand air pollution would be published in a joint paper.",
                "A shared database of restoration drawings and photographs would be built for researchers in both cities.",
            ],
            outcomes: "Better restoration of Isfahan's historic buildings, a new generation of trained restorers and scientific ties between the two cities' universities.",
        },
    },
    Theme {
        domain: Domain::Scientific,
        needs: 0,
        avoids: PERSIAN_SPEAKING,
        fa: Words {
            title: "مدرسه تابستانی زبان و فرهنگ فارسی برای دانشجویان {city}",
            summary: "یک مدرسه تابستانی چهارهفته‌ای در اصفهان برای دانشجویان {city} که فارسی می‌آموزند، با کلاس زبان در صبح و بازدید از بناهای تاریخی در عصر.",
            opening: "در {city} شمار دانشجویانی که زبان فارسی یا ایران‌شناسی می‌خوانند رو به افزایش است.",
            steps: [
                "دانشگاه اصفهان هر تابستان چهار هفته کلاس فشرده فارسی برای این دانشجویان برگزار می‌کند.",
                "عصرها دانشجویان با راهنمایان داوطلب از بناهای تاریخی و بازار اصفهان دیدن می‌کنند.",
                "دانشجویان در خانواده‌های اصفهانی اقامت می‌کنند تا زبان را در زندگی روزمره تمرین کنند.",
                "در پایان دوره، دانشجویان یک نمایش کوتاه یا شب شعر فارسی برای خانواده‌های میزبان اجرا می‌کنند.",
            ],
            outcomes: "نسلی از ایران‌شناسان جوان {city} که اصفهان را می‌شناسند و دوستش دارند، و درآمد گردشگری آموزشی برای شهر.",
        },
        en: Words {
            title: "A summer school of Persian language and culture for students from {city}",
            summary: "A four-week summer school in Isfahan for students from {city} who learn Persian: language classes in the morning, historic sites in the afternoon.",
            opening: "The number of students in {city} learning Persian or Iranian studies is growing.",
            steps: [
                "The University of Isfahan would hold four weeks of intensive Persian classes for them every summer.",
                "In the afternoons, volunteer guides would take the students to Isfahan's historic buildings and bazaar.",
                "Students would stay with Isfahani families to practise the language in daily life.",
                "At the end of the course, students would put on a short play or an evening of Persian poetry for their host families.",
            ],
            outcomes: "A generation of young Iranologists in {city} who know and love Isfahan, and income from educational tourism for the city.",
        },
    },
    Theme {
        domain: Domain::Scientific,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "همکاری پژوهشی دانشگاه صنعتی اصفهان و {city} در مدیریت آب",
            summary: "پروژه پژوهشی مشترک درباره کم‌آبی و احیای زاینده‌رود با بهره‌گیری از تجربه {city} در مدیریت منابع آب شهری.",
            opening: "خشک‌شدن زاینده‌رود بزرگ‌ترین چالش اصفهان است و {city} در مدیریت آب شهری تجربه‌های آموختنی دارد.",
            steps: [
                "پژوهشگران دو دانشگاه بر روی بازچرخانی آب خاکستری و آبیاری فضای سبز شهری کار مشترک انجام می‌دهند.",
                "یک سامانه پایش مصرف آب در یک محله اصفهان به‌صورت آزمایشی با الگوی {city} نصب می‌شود.",
                "دانشجویان دکتری دو دانشگاه دوره‌های کوتاه پژوهشی در آزمایشگاه‌های یکدیگر می‌گذرانند.",
                "نتایج در یک همایش مشترک به مدیران آب و فضای سبز شهرداری اصفهان ارائه می‌شود.",
            ],
            outcomes: "راهکارهای عملی برای کاهش مصرف آب در اصفهان، انتشارات علمی مشترک و جذب بودجه‌های پژوهشی بین‌المللی.",
        },
        en: Words {
            title: "Water management research between Isfahan University of Technology and {city}",
            summary: "A joint research project on water scarcity and the revival of the Zayandeh Rud, drawing on {city}'s experience of urban water management.",
            opening: "The drying of the Zayandeh Rud is Isfahan's greatest challenge, and {city} has lessons to share on urban water management.",
            steps: [
                "Researchers of both universities would work together on grey-water reuse and the irrigation of urban green spaces.",
                "A water-metering system on the model of {city} would be piloted in one Isfahan neighbourhood.",
                "Doctoral students of both universities would spend short research stays in each other's laboratories.",
                "The results would be presented at a joint conference to the managers of Isfahan's water and green spaces.",
            ],
            outcomes: "Practical ways to cut water use in Isfahan, joint publications and access to international research funding.",
        },
    },
    // Tourism
    Theme {
        domain: Domain::Tourism,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "تورهای مشترک گردشگری از {city} به اصفهان",
            summary: "طراحی بسته‌های سفر مشترک با آژانس‌های {city} که اصفهان را در مسیر سفر گردشگران آن شهر به ایران قرار دهد.",
            opening: "گردشگران {city} که به ایران سفر می‌کنند معمولاً فقط یک یا دو شب در اصفهان می‌مانند.",
            steps: [
                "با سه آژانس مسافرتی در {city} بسته‌ای پنج‌روزه برای اصفهان طراحی می‌شود که کارگاه‌های صنایع دستی و شب‌های موسیقی را هم دربر دارد.",
                "راهنمایان اصفهانی که زبان گردشگران را می‌دانند، آموزش ویژه می‌بینند و در فهرست مشترک قرار می‌گیرند.",
                "هتل‌های سنتی اصفهان برای این بسته‌ها تخفیف گروهی در نظر می‌گیرند.",
                "یک صفحه مشترک در وب‌سایت آژانس‌ها، اصفهان را با عکس و فیلم به مشتریان {city} معرفی می‌کند.",
            ],
            outcomes: "اقامت طولانی‌تر گردشگران {city} در اصفهان، درآمد بیشتر برای هتل‌ها و کارگاه‌ها و شغل برای راهنمایان جوان.",
        },
        en: Words {
            title: "Joint tour packages from {city} to Isfahan",
            summary: "Tour packages designed with travel agencies in {city} that put Isfahan at the heart of their customers' trips to Iran.",
            opening: "Travellers from {city} who visit Iran usually spend only one or two nights in Isfahan.",
            steps: [
                "With three travel agencies in {city}, a five-day Isfahan package would be designed, including craft workshops and music evenings.",
                "Isfahani guides who speak the visitors' language would be trained and listed together.",
                "Isfahan's traditional hotels would offer group rates for these packages.",
                "A shared page on the agencies' websites would present Isfahan to customers in {city} with photographs and films.",
            ],
            outcomes: "Longer stays in Isfahan by travellers from {city}, more income for hotels and workshops, and jobs for young guides.",
        },
    },
    Theme {
        domain: Domain::Tourism,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "دفتر اطلاع‌رسانی گردشگری اصفهان در {city}",
            summary: "یک دفتر کوچک اطلاع‌رسانی گردشگری اصفهان در {city}، با نقشه، بروشور، مشاوره سفر و برنامه‌های ماهانه معرفی اصفهان.",
            opening: "بسیاری از مردم {city} نمی‌دانند اصفهان کجاست و چگونه می‌توان به آن سفر کرد.",
            steps: [
                "دفتر در یک مرکز فرهنگی پرتردد در {city} مستقر می‌شود و کارمندی دوزبانه دارد.",
                "هر ماه یک برنامه کوتاه با نمایش عکس و فیلم از اصفهان و پذیرایی با چای و گز برگزار می‌شود.",
                "دفتر با سفارت و رایزنی فرهنگی همکاری می‌کند تا روند روادید برای گردشگران روشن شود.",
                "دفتر هر سال در نمایشگاه گردشگری {city} هم غرفه‌ای کوچک برپا می‌کند.",
            ],
            outcomes: "افزایش سفر گردشگران {city} به اصفهان و نقطه‌ای دائمی برای معرفی شهر در خارج از کشور.",
        },
        en: Words {
            title: "An Isfahan tourist information point in {city}",
            summary: "A small Isfahan tourist information point in {city} with maps, brochures, travel advice and monthly Isfahan evenings.",
            opening: "Many people in {city} do not know where Isfahan is or how to travel there.",
            steps: [
                "The point would sit in a busy cultural centre in {city} and be staffed by one bilingual employee.",
                "Every month it would hold a short evening of photographs and films of Isfahan, with tea and gaz.",
                "It would work with the embassy and the cultural counsellor so that visitors understand the visa process.",
                "Every year the point would also run a small stand at the tourism fair of {city}.",
            ],
            outcomes: "More travellers from {city} coming to Isfahan, and a permanent place to present the city abroad.",
        },
    },
    Theme {
        domain: Domain::Tourism,
        needs: SILK_ROAD,
        avoids: 0,
        fa: Words {
            title: "مسیر گردشگری جاده ابریشم از اصفهان تا {city}",
            summary: "تعریف یک مسیر گردشگری فرهنگی بر پایه پیوندهای تاریخی جاده ابریشم میان اصفهان و {city}، با نشانه‌گذاری، راهنمای دوزبانه و وب‌سایت مشترک.",
            opening: "اصفهان و {city} از روزگار کاروان‌ها با هم پیوند داشته‌اند و این تاریخ مشترک می‌تواند گردشگران را جذب کند.",
            steps: [
                "کاروانسراها، بازارها و بناهای مرتبط با تجارت در هر دو شهر شناسایی و با تابلوهای مشترک نشانه‌گذاری می‌شوند.",
                "یک راهنمای مصور دوزبانه و وب‌سایت مشترک، داستان کاروان‌ها و کالاهایشان را روایت می‌کند.",
                "سالی یک بار کاروانی نمادین از گردشگران، مسیر را با توقف در شهرهای میانه طی می‌کند.",
                "صنعتگران دو شهر در هر توقف، کالاهایی را که روزگاری در این مسیر جابه‌جا می‌شد دوباره می‌سازند و به نمایش می‌گذارند.",
            ],
            outcomes: "محصول گردشگری تازه برای هر دو شهر، افزایش سفرهای فرهنگی و پیوستن اصفهان به شبکه شهرهای جاده ابریشم.",
        },
        en: Words {
            title: "A Silk Road travel route from Isfahan to {city}",
            summary: "A cultural travel route built on the historic Silk Road links between Isfahan and {city}, with markers, a bilingual guide and a shared website.",
            opening: "Isfahan and {city} have been linked since the days of the caravans, and that shared history can draw travellers.",
            steps: [
                "Caravanserais, bazaars and trade buildings in both cities would be identified and marked with common signs.",
                "An illustrated bilingual guide and a shared website would tell the story of the caravans and their goods.",
                "Once a year a symbolic caravan of travellers would follow the route, stopping in the cities between.",
                "At each stop, craftspeople of both cities would recreate and display goods once carried along the route.",
            ],
            outcomes: "A new travel product for both cities, more cultural tourism and Isfahan's place in the network of Silk Road cities.",
        },
    },
    Theme {
        domain: Domain::Tourism,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "سفر آشنایی بلاگرها و راهنمایان گردشگری {city} به اصفهان",
            summary: "دعوت از ده بلاگر، خبرنگار و مدیر آژانس گردشگری از {city} برای یک سفر یک‌هفته‌ای به اصفهان و روایت آن در رسانه‌هایشان.",
            opening: "تصویر ایران در رسانه‌های {city} بیشتر سیاسی است و کمتر کسی از زیبایی‌های اصفهان می‌گوید.",
            steps: [
                "ده نفر از بلاگرهای سفر و مدیران آژانس‌های {city} یک هفته میهمان اصفهان می‌شوند.",
                "برنامه سفر شامل بناهای تاریخی، محله جلفا، بازار و یک روز در روستاهای اطراف اصفهان است.",
                "هزینه سفر را هتل‌ها و شرکت‌های هواپیمایی حامی در برابر تبلیغ می‌پردازند.",
                "پس از سفر، یک نشست برخط با آژانس‌های اصفهانی برای طراحی تورهای تازه برگزار می‌شود.",
            ],
            outcomes: "ده‌ها گزارش و ویدئو درباره اصفهان در رسانه‌های {city}، تصویر مثبت‌تر از شهر و سفرهای گروهی تازه.",
        },
        en: Words {
            title: "A familiarisation trip to Isfahan for travel bloggers and guides from {city}",
            summary: "Ten bloggers, journalists and travel agents from {city} are invited to spend a week in Isfahan and tell their audiences about it.",
            opening: "The image of Iran in the media of {city} is mostly political, and few speak of Isfahan's beauty.",
            steps: [
                "Ten travel bloggers and agency managers from {city} would spend a week as Isfahan's guests.",
                "The trip would cover the historic monuments, the Julfa quarter, the bazaar and a day in the villages around Isfahan.",
                "Sponsoring hotels and airlines would cover the costs in exchange for publicity.",
                "After the trip, an online meeting with Isfahani agencies would turn the impressions into new tours.",
            ],
            outcomes: "Dozens of reports and videos on Isfahan in the media of {city}, a better image of the city and new group tours.",
        },
    },
    // Urban services
    Theme {
        domain: Domain::UrbanServices,
        needs: MODEL_CITY,
        avoids: 0,
        fa: Words {
            title: "انتقال دانش فنی تراموای {city} به اصفهان",
            summary: "بهره‌گیری از تجربه {city} در طراحی و بهره‌برداری از تراموا برای خطوط آینده حمل‌ونقل عمومی اصفهان، از راه دوره‌های آموزشی و بازدید کارشناسان.",
            opening: "{city} شبکه تراموای کارآمدی دارد که در بافت تاریخی شهر به‌خوبی جا افتاده است.",
            steps: [
                "کارشناسان سازمان قطار شهری اصفهان در یک دوره دوهفته‌ای با روش‌های طراحی خط و ایستگاه در {city} آشنا می‌شوند.",
                "مهندسان {city} در بررسی امکان‌سنجی یک خط تراموا در محور چهارباغ به‌عنوان مشاور همکاری می‌کنند.",
                "آموزش رانندگان و نگهداری ناوگان هم بخشی از برنامه انتقال دانش است.",
                "تجربه {city} در جلب همکاری کسبه مسیر در دوران ساخت هم برای اصفهان آموختنی است.",
            ],
            outcomes: "امکان‌سنجی دقیق‌تر خط تراموای اصفهان، کاهش هزینه‌های طراحی و آلودگی هوای کمتر در بلندمدت.",
        },
        en: Words {
            title: "Tram know-how from {city} for Isfahan",
            summary: "Learning from {city}'s experience of designing and running trams for Isfahan's future public transport lines, through training and expert visits.",
            opening: "{city} runs an efficient tram network that fits well into its historic centre.",
            steps: [
                "Engineers of Isfahan's urban railway organisation would spend two weeks in {city} learning how lines and stops are designed.",
                "Engineers from {city} would advise on the feasibility study of a tram line along Chaharbagh.",
                "Training drivers and maintaining the fleet would also be part of the exchange.",
                "The experience of {city} in winning over shopkeepers along the line during construction would also be valuable.",
            ],
            outcomes: "A sounder feasibility study for an Isfahan tram line, lower design costs and cleaner air in the long run.",
        },
    },
    Theme {
        domain: Domain::UrbanServices,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "الگوبرداری از نظام تفکیک پسماند {city} در اصفهان",
            summary: "آشنایی مدیران پسماند اصفهان با نظام تفکیک از مبدأ و بازیافت در {city} و اجرای آزمایشی آن در دو محله اصفهان.",
            opening: "{city} در تفکیک پسماند از مبدأ به نتایجی رسیده که برای اصفهان الگوی خوبی است.",
            steps: [
                "هیئتی از سازمان مدیریت پسماند اصفهان از مراکز بازیافت {city} بازدید می‌کند.",
                "الگوی سطل‌های رنگی و جمع‌آوری زمان‌بندی‌شده در دو محله اصفهان به‌صورت آزمایشی اجرا می‌شود.",
                "مدارس محله‌ها با کتاب‌های آموزشی ترجمه‌شده از {city} در آموزش کودکان همراهی می‌کنند.",
                "یک نرم‌افزار ساده برای یادآوری روزهای جمع‌آوری و آموزش تفکیک با الگوی {city} طراحی می‌شود.",
            ],
            outcomes: "کاهش پسماند دفنی، افزایش درآمد بازیافت و مشارکت بیشتر شهروندان در پاکیزگی شهر.",
        },
        en: Words {
            title: "Learning from {city}'s waste sorting in Isfahan",
            summary: "Isfahan's waste managers study source separation and recycling in {city} and pilot them in two Isfahan neighbourhoods.",
            opening: "{city} has reached sorting results that make it a good model for Isfahan.",
            steps: [
                "A delegation of Isfahan's waste management organisation would visit recycling centres in {city}.",
                "Colour-coded bins and scheduled collection would be piloted in two Isfahan neighbourhoods.",
                "Local schools would use teaching materials translated from {city} to involve children.",
                "A simple app on the model of {city} would remind residents of collection days and explain sorting.",
            ],
            outcomes: "Less waste sent to landfill, more income from recycling and citizens more involved in keeping the city clean.",
        },
    },
    Theme {
        domain: Domain::UrbanServices,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "همکاری با {city} در پیاده‌راه‌سازی بافت تاریخی",
            summary: "بهره‌گیری از تجربه {city} در پیاده‌راه‌سازی و احیای محله‌های تاریخی برای محدوده میدان عتیق و بازار اصفهان.",
            opening: "{city} محله‌های تاریخی خود را با پیاده‌راه‌ها به فضاهای زنده شهری تبدیل کرده است.",
            steps: [
                "معماران و برنامه‌ریزان شهری {city} در یک کارگاه طراحی مشترک برای محدوده میدان عتیق شرکت می‌کنند.",
                "تجربه {city} در حفظ کسب‌وکارهای محلی هنگام پیاده‌راه‌سازی به کسبه بازار اصفهان معرفی می‌شود.",
                "یک نمایشگاه عمومی از طرح‌ها برپا می‌شود تا ساکنان محله نظر بدهند.",
                "برای شب‌های تابستان، برنامه‌های فرهنگی خیابانی با الگوی {city} در پیاده‌راه‌های تازه طراحی می‌شود.",
            ],
            outcomes: "طرحی پخته‌تر برای احیای میدان عتیق، فضای عمومی بهتر برای شهروندان و رونق کسب‌وکارهای بافت تاریخی.",
        },
        en: Words {
            title: "Pedestrian streets in Isfahan's historic core, with {city}",
            summary: "Drawing on {city}'s experience of pedestrianising and reviving historic quarters for the area of Atiq Square and Isfahan's bazaar.",
            opening: "{city} has turned its historic quarters into lively public spaces with pedestrian streets.",
            steps: [
                "Architects and planners from {city} would join a design workshop for the area around Atiq Square.",
                "How {city} kept local shops alive during pedestrianisation would be presented to the bazaar's shopkeepers.",
                "A public exhibition of the designs would let residents give their views.",
                "Street culture on summer evenings, on the model of {city}, would bring the new pedestrian streets to life.",
            ],
            outcomes: "A better plan for reviving Atiq Square, better public space for citizens and thriving businesses in the historic core.",
        },
    },
    Theme {
        domain: Domain::UrbanServices,
        needs: MODEL_CITY,
        avoids: 0,
        fa: Words {
            title: "دوچرخه اشتراکی اصفهان با الگوی {city}",
            summary: "گسترش دوچرخه اشتراکی در اصفهان با استفاده از تجربه {city} در ایستگاه‌ها، مسیرهای ایمن و نرم‌افزار اجاره.",
            opening: "اصفهان شهر دوچرخه است و {city} نشان داده که دوچرخه اشتراکی چگونه می‌تواند بخشی از حمل‌ونقل روزانه شود.",
            steps: [
                "کارشناسان حمل‌ونقل {city} در طراحی شبکه ایستگاه‌ها و مسیرهای ویژه دوچرخه در اصفهان مشاوره می‌دهند.",
                "نرم‌افزار اجاره دوچرخه اصفهان با تجربه {city} در پرداخت و نگهداری به‌روز می‌شود.",
                "یک روز بدون خودرو با حضور دوچرخه‌سواران دو شهر برگزار و به‌صورت زنده پخش می‌شود.",
                "دوچرخه‌های برقی برای مسیرهای سربالایی و شهروندان سالمند با تجربه {city} آزموده می‌شوند.",
            ],
            outcomes: "افزایش سفرهای دوچرخه‌ای، کاهش ترافیک و آلودگی هوا و تصویر اصفهان به‌عنوان شهری سبز.",
        },
        en: Words {
            title: "Bike sharing in Isfahan on the model of {city}",
            summary: "Expanding Isfahan's bike sharing with {city}'s experience of stations, safe lanes and rental software.",
            opening: "Isfahan is a cycling city, and {city} shows how bike sharing can become part of daily travel.",
            steps: [
                "Transport planners from {city} would advise on Isfahan's network of stations and protected lanes.",
                "Isfahan's bike rental app would be improved with {city}'s experience of payment and maintenance.",
                "A car-free day with cyclists of both cities would be held and streamed live.",
                "Electric bikes for uphill routes and older citizens would be tried out with the experience of {city}.",
            ],
            outcomes: "More trips by bicycle, less traffic and air pollution, and an image of Isfahan as a green city.",
        },
    },
    // Sports
    Theme {
        domain: Domain::Sports,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "مسابقات دوستانه فوتبال نوجوانان اصفهان و {city}",
            summary: "برگزاری مسابقات دوستانه سالانه میان تیم‌های نوجوانان اصفهان و {city}، همراه با اردوی مشترک و برنامه‌های فرهنگی.",
            opening: "فوتبال در اصفهان و {city} محبوب‌ترین ورزش است و دیدار نوجوانان دو شهر می‌تواند دوستی‌های ماندگار بسازد.",
            steps: [
                "هر سال دو تیم نوجوانان از اصفهان و {city} یک هفته اردوی مشترک و سه بازی دوستانه برگزار می‌کنند.",
                "باشگاه‌های سپاهان و ذوب‌آهن مربیان و زمین تمرین را در اختیار می‌گذارند.",
                "بازیکنان در کنار مسابقات از جاذبه‌های شهر میزبان دیدن می‌کنند و در خانواده‌ها اقامت دارند.",
                "مربیان دو شهر در کنار بازی‌ها یک کارگاه مشترک درباره آموزش فوتبال پایه برگزار می‌کنند.",
            ],
            outcomes: "دوستی میان نوجوانان دو شهر، تجربه بین‌المللی برای بازیکنان جوان و همکاری باشگاه‌ها در استعدادیابی.",
        },
        en: Words {
            title: "Friendly youth football between Isfahan and {city}",
            summary: "Yearly friendly matches between under-16 teams of Isfahan and {city}, with a joint training camp and cultural visits.",
            opening: "Football is the most popular sport in both Isfahan and {city}, and matches between their teenagers can build lasting friendships.",
            steps: [
                "Each year youth teams from Isfahan and {city} would hold a week-long joint camp with three friendly matches.",
                "Sepahan and Zob Ahan clubs would provide coaches and training grounds.",
                "Between matches the players would visit the host city and stay with local families.",
                "Alongside the matches, coaches of both cities would hold a joint workshop on youth training.",
            ],
            outcomes: "Friendships between teenagers of the two cities, international experience for young players and joint talent scouting by the clubs.",
        },
    },
    Theme {
        domain: Domain::Sports,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "تبادل مربیان کشتی و ووشو میان اصفهان و {city}",
            summary: "برنامه تبادل مربیان و ورزشکاران کشتی و ووشو میان هیئت‌های ورزشی اصفهان و باشگاه‌های {city}، با اردوهای مشترک و کلاس‌های مربیگری.",
            opening: "اصفهان در کشتی و ووشو مربیان برجسته‌ای دارد و باشگاه‌های {city} به این تجربه علاقه‌مندند.",
            steps: [
                "هر سال دو مربی اصفهانی یک ماه در باشگاه‌های {city} کلاس مربیگری برگزار می‌کنند.",
                "ورزشکاران {city} برای اردوی آماده‌سازی به اصفهان می‌آیند و با تیم‌های اصفهانی تمرین می‌کنند.",
                "یک مسابقه دوستانه در پایان هر اردو برگزار و از تلویزیون محلی پخش می‌شود.",
                "داوران کشتی دو شهر هم در یک دوره مشترک با قوانین تازه بین‌المللی آشنا می‌شوند.",
            ],
            outcomes: "ارتقای سطح فنی ورزشکاران هر دو شهر، درآمد برای مربیان اصفهانی و حضور ورزش اصفهان در رسانه‌های {city}.",
        },
        en: Words {
            title: "An exchange of wrestling and wushu coaches between Isfahan and {city}",
            summary: "Coaches and athletes in wrestling and wushu move between Isfahan's sports boards and clubs in {city}, with joint camps and coaching courses.",
            opening: "Isfahan has outstanding wrestling and wushu coaches, and clubs in {city} are keen on their experience.",
            steps: [
                "Every year two Isfahani coaches would spend a month running coaching courses at clubs in {city}.",
                "Athletes from {city} would come to Isfahan for training camps and practise with Isfahani teams.",
                "Each camp would end with a friendly competition broadcast on local television.",
                "Wrestling referees of both cities would also take a joint course on the latest international rules.",
            ],
            outcomes: "Better technique for athletes of both cities, income for Isfahani coaches and Isfahan's sport seen in the media of {city}.",
        },
    },
    Theme {
        domain: Domain::Sports,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "نیمه‌ماراتن دوستی اصفهان و {city}",
            summary: "برگزاری هم‌زمان یک نیمه‌ماراتن در اصفهان و {city} در یک روز، با ثبت‌نام مشترک و مدال‌هایی با نقش دو شهر.",
            opening: "دویدن هم‌زمان شهروندان دو شهر در یک روز، نماد ساده و زیبایی از دوستی اصفهان و {city} است.",
            steps: [
                "مسیر اصفهان از کنار زاینده‌رود و پل‌های تاریخی و مسیر {city} از جاذبه‌های آن شهر می‌گذرد.",
                "ثبت‌نام برخط است و بخشی از ورودیه صرف کاشت درخت در هر دو شهر می‌شود.",
                "دوندگان برتر هر شهر سال بعد میهمان مسابقه شهر دیگر می‌شوند.",
                "دوندگان می‌توانند از راه دور و با یک نرم‌افزار در مسابقه شهر دیگر هم شرکت کنند.",
            ],
            outcomes: "رویدادی سالانه که نام اصفهان را در تقویم ورزشی {city} قرار می‌دهد و ورزش همگانی را در هر دو شهر تقویت می‌کند.",
        },
        en: Words {
            title: "An Isfahan–{city} friendship half marathon",
            summary: "A half marathon held on the same day in Isfahan and {city}, with shared registration and medals bearing both cities' emblems.",
            opening: "Citizens of two cities running on the same day is a simple, beautiful sign of the friendship between Isfahan and {city}.",
            steps: [
                "Isfahan's course would follow the Zayandeh Rud past the historic bridges, and the course in {city} its own landmarks.",
                "Registration would be online, and part of every fee would pay for planting trees in both cities.",
                "The best runners of each city would be guests at the other city's race the following year.",
                "Runners could also take part in the other city's race remotely through an app.",
            ],
            outcomes: "A yearly event that puts Isfahan on the sports calendar of {city} and encourages sport for all in both cities.",
        },
    },
    Theme {
        domain: Domain::Sports,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "اردوی مشترک کوهنوردی جوانان اصفهان و {city}",
            summary: "اردوی سالانه کوهنوردی و طبیعت‌گردی برای جوانان اصفهان و {city}، یک سال در کوه‌های زاگرس و سال بعد در طبیعت اطراف {city}.",
            opening: "کوهنوردی ورزشی است که جوانان را در شرایط سخت کنار هم قرار می‌دهد و دوستی می‌سازد.",
            steps: [
                "بیست جوان از هر شهر ده روز را در کوه‌های زاگرس و منطقه کوهرنگ می‌گذرانند.",
                "هیئت کوهنوردی اصفهان آموزش ایمنی و راهنمایی اردو را بر عهده می‌گیرد.",
                "سال بعد، اردو در طبیعت اطراف {city} و با میزبانی باشگاه‌های آنجا برگزار می‌شود.",
                "گزارش تصویری اردو در یک نمایشگاه عکس در هر دو شهر به نمایش درمی‌آید.",
            ],
            outcomes: "دوستی میان جوانان دو شهر، معرفی طبیعت استان اصفهان و همکاری باشگاه‌های کوهنوردی.",
        },
        en: Words {
            title: "A joint mountaineering camp for young people of Isfahan and {city}",
            summary: "A yearly hiking and mountaineering camp for young people of Isfahan and {city}: one year in the Zagros mountains, the next in the countryside around {city}.",
            opening: "Mountaineering puts young people side by side in hard conditions and makes friends of them.",
            steps: [
                "Twenty young people from each city would spend ten days in the Zagros mountains around Kuhrang.",
                "Isfahan's mountaineering board would provide safety training and guides.",
                "The following year the camp would be hosted by clubs in the countryside around {city}.",
                "A photo report of the camp would be exhibited in both cities.",
            ],
            outcomes: "Friendships between young people of both cities, the nature of Isfahan province made known abroad, and cooperation between mountaineering clubs.",
        },
    },
    // Media
    Theme {
        domain: Domain::Media,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "مجموعه مستند «دو شهر»: اصفهان و {city}",
            summary: "ساخت یک مجموعه مستند شش‌قسمتی با همکاری مستندسازان اصفهان و {city} درباره زندگی روزمره، هنر و تاریخ دو شهر.",
            opening: "مستندی که زندگی مردم اصفهان و {city} را کنار هم نشان دهد، بیش از هر تبلیغی دو شهر را به هم نزدیک می‌کند.",
            steps: [
                "هر قسمت یک موضوع را در دو شهر دنبال می‌کند: بازار، آشپزخانه، کارگاه هنری، ورزش، جوانان و رودخانه.",
                "گروه فیلم‌برداری مشترکی از دو شهر تشکیل می‌شود و هزینه‌ها میان دو طرف تقسیم می‌شود.",
                "مستند از تلویزیون محلی دو شهر و سکوهای برخط با زیرنویس دو زبان پخش می‌شود.",
                "پیش از پخش، قسمت نخست در یک جشنواره فیلم مستند در {city} نمایش داده می‌شود.",
            ],
            outcomes: "تصویری انسانی از اصفهان در رسانه‌های {city}، همکاری حرفه‌ای مستندسازان و محتوایی ماندگار برای معرفی شهر.",
        },
        en: Words {
            title: "“Two Cities”: a documentary series on Isfahan and {city}",
            summary: "A six-part documentary series made by filmmakers of Isfahan and {city} about daily life, art and history in both cities.",
            opening: "A documentary showing the lives of people in Isfahan and {city} side by side would bring the two cities closer than any advertising.",
            steps: [
                "Each episode would follow one subject in both cities: the bazaar, the kitchen, a craft workshop, sport, young people and the river.",
                "A joint film crew from both cities would be formed, and the costs shared.",
                "The series would be broadcast on both cities' local television and online, subtitled in both languages.",
                "Before broadcast, the first episode would be screened at a documentary festival in {city}.",
            ],
            outcomes: "A human picture of Isfahan in the media of {city}, professional ties between filmmakers and lasting material to present the city.",
        },
    },
    Theme {
        domain: Domain::Media,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "تبادل خبرنگاران جوان میان رسانه‌های اصفهان و {city}",
            summary: "برنامه‌ای که هر سال چند خبرنگار جوان اصفهانی را برای یک ماه به رسانه‌های {city} می‌فرستد و همتایانشان را در اصفهان میزبانی می‌کند.",
            opening: "خبرنگاران جوان اصفهان و {city} کمتر فرصت دارند شهر دیگر را بی‌واسطه ببینند و گزارش کنند.",
            steps: [
                "هر سال سه خبرنگار از هر شهر یک ماه در تحریریه یک رسانه محلی در شهر دیگر کار می‌کنند.",
                "گزارش‌های آنها در رسانه‌های هر دو شهر منتشر می‌شود.",
                "یک کارگاه مشترک درباره روزنامه‌نگاری داده و راستی‌آزمایی در پایان برنامه برگزار می‌شود.",
                "خبرنگاران یک راهنمای کوتاه هم برای پوشش خبری دقیق و منصفانه شهر دیگر می‌نویسند.",
            ],
            outcomes: "گزارش‌های دقیق‌تر درباره اصفهان در {city}، مهارت‌های تازه برای خبرنگاران اصفهانی و شبکه‌ای از روزنامه‌نگاران دو شهر.",
        },
        en: Words {
            title: "An exchange of young journalists between newsrooms in Isfahan and {city}",
            summary: "Each year a few young Isfahani journalists spend a month in newsrooms in {city}, and their counterparts are hosted in Isfahan.",
            opening: "Young journalists in Isfahan and {city} rarely get to see and report on the other city first-hand.",
            steps: [
                "Every year three journalists from each city would work for a month in a local newsroom of the other city.",
                "Their reports would be published by media in both cities.",
                "A joint workshop on data journalism and fact-checking would close the programme.",
                "The journalists would also write a short guide to reporting fairly and accurately on the other city.",
            ],
            outcomes: "Better-informed reporting on Isfahan in {city}, new skills for Isfahani journalists and a network of journalists in both cities.",
        },
    },
    Theme {
        domain: Domain::Media,
        needs: 0,
        avoids: PERSIAN_SPEAKING,
        fa: Words {
            title: "پادکست دوزبانه «از اصفهان تا {city}»",
            summary: "تولید یک پادکست دوزبانه ماهانه که در هر قسمت یک اصفهانی مقیم {city} و یک شهروند {city} ساکن اصفهان از زندگی در شهر دیگر می‌گویند.",
            opening: "روایت‌های شخصی از زندگی در شهر دیگر، شنونده را بیش از خبرها با آن شهر آشنا می‌کند.",
            steps: [
                "در هر قسمت دو مهمان، یکی از هر شهر، درباره کار، خوراک، دوستی و دلتنگی گفت‌وگو می‌کنند.",
                "پادکست به فارسی و زبان مردم {city} ضبط و در سکوهای رایج منتشر می‌شود.",
                "تهیه‌کنندگان داوطلب هستند و شهرداری تنها هزینه استودیو و تبلیغ را می‌پردازد.",
                "هر فصل یک قسمت ویژه به‌صورت زنده و با حضور شنوندگان در یکی از دو شهر ضبط می‌شود.",
            ],
            outcomes: "مخاطبان تازه برای شناخت اصفهان در {city}، صدایی برای ایرانیان مقیم خارج و محتوایی ارزان و ماندگار.",
        },
        en: Words {
            title: "“From Isfahan to {city}”: a bilingual podcast",
            summary: "A monthly bilingual podcast in which an Isfahani living in {city} and someone from {city} living in Isfahan talk about life in the other city.",
            opening: "Personal stories of life in another city make listeners feel closer to it than any news.",
            steps: [
                "Each episode would have two guests, one from each city, talking about work, food, friendship and homesickness.",
                "The podcast would be recorded in Persian and the language of {city} and published on the usual platforms.",
                "The producers would be volunteers; the municipality would pay only for the studio and promotion.",
                "Each season one special episode would be recorded live with an audience in one of the two cities.",
            ],
            outcomes: "New listeners in {city} discovering Isfahan, a voice for Iranians abroad and cheap, lasting content.",
        },
    },
    Theme {
        domain: Domain::Media,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "جشنواره مجازی عکس اصفهان و {city}",
            summary: "یک جشنواره عکس برخط با موضوع «زندگی در شهر» برای عکاسان اصفهان و {city}، با داوری مشترک و نمایشگاه پایانی در هر دو شهر.",
            opening: "عکاسان جوان اصفهان و {city} می‌توانند با دوربین‌هایشان چهره واقعی شهرشان را به هم نشان دهند.",
            steps: [
                "فراخوان جشنواره در هر دو شهر منتشر می‌شود و عکس‌ها در یک سایت مشترک ثبت می‌شوند.",
                "هیئت داوران از عکاسان سرشناس هر دو شهر تشکیل می‌شود.",
                "آثار برگزیده در نمایشگاهی در میدان نقش جهان و نمایشگاهی در {city} به نمایش درمی‌آیند.",
                "کارگاه‌های برخط عکاسی شهری برای علاقه‌مندان جوان پیش از آغاز جشنواره برگزار می‌شود.",
            ],
            outcomes: "صدها عکس تازه از دو شهر، آشنایی عکاسان با یکدیگر و نمایشگاهی که تصویر اصفهان را به {city} می‌برد.",
        },
        en: Words {
            title: "An online photo festival of Isfahan and {city}",
            summary: "An online photo festival on “life in the city” for photographers of Isfahan and {city}, with a joint jury and closing exhibitions in both cities.",
            opening: "Young photographers in Isfahan and {city} can use their cameras to show each other the real face of their cities.",
            steps: [
                "The call for entries would go out in both cities, with photographs uploaded to a shared website.",
                "The jury would be made up of well-known photographers from both cities.",
                "The winning photographs would be shown at Naqsh-e Jahan Square and in {city}.",
                "Online workshops in street photography would be held for young enthusiasts before the festival opens.",
            ],
            outcomes: "Hundreds of new photographs of both cities, photographers who know each other and an exhibition that takes Isfahan to {city}.",
        },
    },
    // Health and crisis relief
    Theme {
        domain: Domain::HealthAndCrisisRelief,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "همکاری با {city} برای تأمین تجهیزات پزشکی در بحران‌ها",
            summary: "سازوکاری برای ارسال سریع تجهیزات حفاظتی و پزشکی میان اصفهان و {city} در همه‌گیری‌ها و بلایای طبیعی، با مشارکت خیریه‌های دو شهر.",
            opening: "همه‌گیری کرونا نشان داد که شهرها در بحران به دوستانی در آن سوی مرزها نیاز دارند.",
            steps: [
                "فهرستی از نیازهای اصلی بیمارستان‌های اصفهان تهیه و با خیریه‌های {city} در میان گذاشته می‌شود.",
                "انجمن ایرانیان {city} جمع‌آوری کمک‌ها و هماهنگی حمل را بر عهده می‌گیرد.",
                "در مقابل، اصفهان در بحران‌های {city} با ارسال اقلام تولید داخل مانند ماسک و لباس حفاظتی همراهی می‌کند.",
                "یک انبار کوچک اضطراری با اقلام پرمصرف در اصفهان با کمک خیریه‌های {city} آماده نگه داشته می‌شود.",
            ],
            outcomes: "دسترسی سریع‌تر بیمارستان‌ها به تجهیزات در بحران، همبستگی میان دو شهر و نمونه‌ای عملی از دیپلماسی شهری.",
        },
        en: Words {
            title: "Medical supplies between Isfahan and {city} in times of crisis",
            summary: "A way to send protective and medical equipment quickly between Isfahan and {city} during epidemics and disasters, with charities of both cities.",
            opening: "The COVID-19 pandemic showed that in a crisis cities need friends across borders.",
            steps: [
                "A list of the main needs of Isfahan's hospitals would be drawn up and shared with charities in {city}.",
                "The Iranian association of {city} would collect donations and coordinate shipping.",
                "In return, Isfahan would support {city} in its crises with locally made masks and protective clothing.",
                "A small emergency store of the most needed items would be kept ready in Isfahan with the help of charities in {city}.",
            ],
            outcomes: "Faster access to equipment for hospitals in a crisis, solidarity between the two cities and a practical example of city diplomacy.",
        },
    },
    Theme {
        domain: Domain::HealthAndCrisisRelief,
        needs: MODEL_CITY,
        avoids: 0,
        fa: Words {
            title: "تبادل تجربه بیمارستان‌های اصفهان و {city} در پزشکی از راه دور",
            summary: "همکاری بیمارستان‌های دانشگاهی اصفهان با بیمارستانی در {city} در مشاوره پزشکی از راه دور و آموزش برخط پزشکان جوان.",
            opening: "پزشکی از راه دور در {city} پیشرفت چشمگیری داشته و بیمارستان‌های اصفهان می‌توانند از آن بیاموزند.",
            steps: [
                "ماهی یک بار جلسه برخط مشاوره پرونده‌های دشوار میان متخصصان دو بیمارستان برگزار می‌شود.",
                "دستیاران تخصصی اصفهان در دوره‌های آموزشی برخط بیمارستان {city} شرکت می‌کنند.",
                "یک پروتکل مشترک برای حفظ حریم خصوصی بیماران در مشاوره‌های برخط نوشته می‌شود.",
                "پرستاران دو بیمارستان نیز در یک دوره برخط مراقبت از بیماران در خانه شرکت می‌کنند.",
            ],
            outcomes: "درمان بهتر برای بیماران دشوار اصفهان، آموزش پزشکان جوان و همکاری پایدار میان دانشگاه‌های علوم پزشکی.",
        },
        en: Words {
            title: "Telemedicine: hospitals of Isfahan and {city} share experience",
            summary: "Isfahan's teaching hospitals and a hospital in {city} cooperate on remote medical consultation and online training for young doctors.",
            opening: "Telemedicine has advanced remarkably in {city}, and Isfahan's hospitals can learn from it.",
            steps: [
                "Once a month specialists of both hospitals would discuss difficult cases online.",
                "Isfahani residents would join the online training courses of the hospital in {city}.",
                "A shared protocol would protect patients' privacy in online consultations.",
                "Nurses of both hospitals would also join an online course on home care.",
            ],
            outcomes: "Better care for Isfahan's difficult cases, training for young doctors and lasting cooperation between medical universities.",
        },
    },
    Theme {
        domain: Domain::HealthAndCrisisRelief,
        needs: EARTHQUAKES,
        avoids: 0,
        fa: Words {
            title: "آموزش مشترک امدادگران اصفهان و {city} برای زلزله",
            summary: "رزمایش و دوره آموزشی مشترک برای آتش‌نشانان و امدادگران اصفهان و {city} در جست‌وجو و نجات پس از زلزله.",
            opening: "اصفهان و {city} هر دو در معرض خطر زلزله‌اند و امدادگرانشان می‌توانند از تجربه یکدیگر بیاموزند.",
            steps: [
                "سالی یک بار رزمایشی مشترک با حضور تیم‌های جست‌وجو و نجات دو شهر برگزار می‌شود.",
                "آتش‌نشانی اصفهان با تجهیزات و روش‌های آموزشی {city} در آواربرداری آشنا می‌شود.",
                "یک راهنمای آمادگی خانواده‌ها در برابر زلزله از تجربه {city} ترجمه و در مدارس اصفهان توزیع می‌شود.",
                "سگ‌های زنده‌یاب و مربیان آنها هم بخشی از این تبادل تجربه خواهند بود.",
            ],
            outcomes: "امدادگران آماده‌تر، شهروندان آگاه‌تر و تعهد دو شهر به کمک متقابل در زمان بحران.",
        },
        en: Words {
            title: "Joint earthquake-response training for rescuers of Isfahan and {city}",
            summary: "Joint drills and training in search and rescue after earthquakes for firefighters and rescuers of Isfahan and {city}.",
            opening: "Isfahan and {city} both face earthquake risk, and their rescuers can learn from each other.",
            steps: [
                "Once a year the search-and-rescue teams of both cities would hold a joint drill.",
                "Isfahan's fire service would learn {city}'s equipment and training methods for rubble rescue.",
                "A family preparedness guide from {city} would be translated and handed out in Isfahan's schools.",
                "Search dogs and their handlers would also be part of the exchange.",
            ],
            outcomes: "Better-prepared rescuers, better-informed citizens and a commitment of both cities to help each other in a crisis.",
        },
    },
    Theme {
        domain: Domain::HealthAndCrisisRelief,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "شبکه پزشکان ایرانی مقیم {city} برای مشاوره به درمانگاه‌های اصفهان",
            summary: "شبکه‌ای داوطلب از پزشکان ایرانی مقیم {city} که به پزشکان درمانگاه‌های محله‌ای اصفهان مشاوره برخط و آموزش رایگان می‌دهند.",
            opening: "ده‌ها پزشک ایرانی در {city} کار می‌کنند و بسیاری از آنها آماده‌اند به زادگاه خود کمک کنند.",
            steps: [
                "یک سامانه ساده نوبت‌دهی برخط، پرسش پزشکان درمانگاه‌ها را به متخصص داوطلب مناسب می‌رساند.",
                "هر فصل یک وبینار آموزشی درباره راهنماهای درمانی تازه برگزار می‌شود.",
                "انجمن پزشکان ایرانی {city} هماهنگی داوطلبان را بر عهده می‌گیرد.",
                "پزشکان داوطلب در سفرهای سالانه خود به اصفهان، یک روز را به ویزیت رایگان در محله‌های کم‌برخوردار اختصاص می‌دهند.",
            ],
            outcomes: "دسترسی درمانگاه‌های اصفهان به دانش تخصصی روز، بهبود درمان در محله‌ها و پیوند پزشکان مهاجر با شهرشان.",
        },
        en: Words {
            title: "A network of Iranian doctors in {city} advising Isfahan's clinics",
            summary: "A volunteer network of Iranian doctors in {city} who give online advice and free training to doctors in Isfahan's neighbourhood clinics.",
            opening: "Dozens of Iranian doctors work in {city}, and many of them are willing to help their home town.",
            steps: [
                "A simple online booking system would route clinic doctors' questions to a suitable volunteer specialist.",
                "Every season a webinar would present new treatment guidelines.",
                "The Iranian medical association of {city} would coordinate the volunteers.",
                "On their yearly visits to Isfahan, volunteer doctors would spend a day seeing patients for free in poorer neighbourhoods.",
            ],
            outcomes: "Up-to-date specialist knowledge for Isfahan's clinics, better care in the neighbourhoods and doctors abroad linked with their city.",
        },
    },
    // Other
    Theme {
        domain: Domain::Other,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "خواهرخواندگی مدارس اصفهان و {city}",
            summary: "پیوند ده مدرسه اصفهان با ده مدرسه در {city} برای نامه‌نگاری، پروژه‌های کلاسی مشترک و کلاس‌های برخط.",
            opening: "دوستی میان شهرها از کودکی آغاز می‌شود و مدرسه بهترین جای آن است.",
            steps: [
                "هر مدرسه اصفهانی با یک مدرسه در {city} جفت می‌شود و دانش‌آموزان با هم نامه و نقاشی مبادله می‌کنند.",
                "در طول سال، کلاس‌ها یک پروژه مشترک درباره آب، محیط زیست یا تاریخ شهر انجام می‌دهند.",
                "معلمان دو شهر هر ترم یک جلسه برخط برای تبادل تجربه آموزشی دارند.",
                "هر سال گروهی از دانش‌آموزان برگزیده با خانواده‌هایشان میهمان مدرسه دوست خود می‌شوند.",
            ],
            outcomes: "نسلی از کودکان که شهر دیگر را می‌شناسند، تجربه آموزشی تازه برای معلمان و پیوندی ماندگار میان خانواده‌ها.",
        },
        en: Words {
            title: "Twinning schools of Isfahan and {city}",
            summary: "Ten schools in Isfahan paired with ten schools in {city} for letters, shared class projects and online lessons.",
            opening: "Friendship between cities starts in childhood, and school is the best place for it.",
            steps: [
                "Each Isfahani school would be paired with a school in {city}, and pupils would exchange letters and drawings.",
                "During the year, classes would carry out a joint project on water, the environment or their city's history.",
                "Teachers of both cities would meet online once a term to share teaching experience.",
                "Each year a group of pupils and their families would visit their partner school.",
            ],
            outcomes: "Children who know the other city, new teaching experience for teachers and lasting ties between families.",
        },
    },
    Theme {
        domain: Domain::Other,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "خانواده‌های میزبان اصفهانی برای دانشجویان {city}",
            summary: "شبکه‌ای از خانواده‌های اصفهانی که دانشجویان و پژوهشگران میهمان از {city} را برای چند هفته میزبانی می‌کنند.",
            opening: "میهمان‌نوازی اصفهانی‌ها سرمایه‌ای است که می‌تواند پایه دوستی با مردم {city} باشد.",
            steps: [
                "خانواده‌های داوطلب ثبت‌نام می‌کنند و پس از یک دوره آموزشی کوتاه در فهرست میزبانان قرار می‌گیرند.",
                "دانشجویان {city} که برای دوره‌های کوتاه به اصفهان می‌آیند، به جای هتل در این خانواده‌ها اقامت می‌کنند.",
                "هزینه اقامت اندک است و بخشی از آن به خانواده میزبان می‌رسد.",
                "یک نشست ماهانه برای خانواده‌های میزبان و میهمانان، تجربه‌ها را به اشتراک می‌گذارد و مشکلات را حل می‌کند.",
            ],
            outcomes: "تجربه‌ای واقعی از زندگی در اصفهان برای میهمانان، درآمد برای خانواده‌ها و دوستی‌های ماندگار.",
        },
        en: Words {
            title: "Isfahani host families for students from {city}",
            summary: "A network of Isfahani families who host visiting students and researchers from {city} for a few weeks.",
            opening: "Isfahani hospitality is an asset on which friendship with the people of {city} can be built.",
            steps: [
                "Volunteer families would register and join the list of hosts after a short training.",
                "Students from {city} on short programmes in Isfahan would stay with these families instead of hotels.",
                "The cost of the stay would be modest, and part of it would go to the host family.",
                "A monthly meeting of hosts and guests would share experiences and sort out problems.",
            ],
            outcomes: "A real experience of life in Isfahan for guests, income for families and lasting friendships.",
        },
    },
    Theme {
        domain: Domain::Other,
        needs: 0,
        avoids: 0,
        fa: Words {
            title: "نشست‌های برخط شوراهای جوانان اصفهان و {city}",
            summary: "نشست‌های فصلی میان نمایندگان جوانان اصفهان و {city} برای گفت‌وگو درباره مسائل شهری و ارائه پیشنهاد به مدیران دو شهر.",
            opening: "جوانان اصفهان و {city} با مسائل مشابهی مانند مسکن، اشتغال و محیط زیست روبه‌رو هستند.",
            steps: [
                "هر فصل ده نماینده از شوراهای دانش‌آموزی و دانشجویی هر شهر یک نشست برخط برگزار می‌کنند.",
                "هر نشست با یک بیانیه کوتاه و پیشنهادهای عملی به شهرداری‌های دو شهر پایان می‌یابد.",
                "در پایان سال، نمایندگان برگزیده میهمان شهر دیگر می‌شوند.",
                "یک بستر برخط ساده برای رأی‌گیری جوانان دو شهر درباره پیشنهادها راه‌اندازی می‌شود.",
            ],
            outcomes: "صدای جوانان در تصمیم‌های شهری، آشنایی نسل جوان با اداره شهر و پیوندی نو میان دو شهر.",
        },
        en: Words {
            title: "Online meetings of the youth councils of Isfahan and {city}",
            summary: "Quarterly meetings of young representatives of Isfahan and {city} to discuss urban issues and make proposals to both cities' managers.",
            opening: "Young people in Isfahan and {city} face similar problems: housing, jobs and the environment.",
            steps: [
                "Each quarter ten representatives of each city's student councils would meet online.",
                "Each meeting would end with a short statement and practical proposals to both municipalities.",
                "At the end of the year, selected representatives would visit the other city.",
                "A simple online platform would let young people of both cities vote on the proposals.",
            ],
            outcomes: "A voice for young people in city decisions, a young generation that understands city government, and a new tie between the two cities.",
        },
    },
    Theme {
        domain: Domain::Other,
        needs: 0,
        avoids: PERSIAN_SPEAKING,
        fa: Words {
            title: "کلاس‌های زبان فارسی برای کودکان خانواده‌های اصفهانی در {city}",
            summary: "کلاس‌های آخر هفته زبان فارسی و فرهنگ ایرانی برای کودکان خانواده‌های اصفهانی مقیم {city}، با کتاب‌هایی از کانون پرورش فکری کودکان و نوجوانان اصفهان.",
            opening: "کودکان خانواده‌های اصفهانی در {city} کم‌کم پیوند خود را با زبان فارسی و زادگاه پدر و مادرشان از دست می‌دهند.",
            steps: [
                "کلاس‌ها آخر هفته‌ها در یک مرکز فرهنگی در {city} و با معلمان داوطلب برگزار می‌شود.",
                "کانون پرورش فکری کودکان و نوجوانان اصفهان کتاب و بازی‌های آموزشی را فراهم می‌کند.",
                "هر تابستان، گروهی از این کودکان با خانواده‌هایشان به یک اردوی فرهنگی در اصفهان می‌آیند.",
                "کلاس‌ها برای بزرگسالان غیرایرانی علاقه‌مند به زبان فارسی هم باز است.",
            ],
            outcomes: "نسل دوم مهاجران که فارسی می‌دانند و اصفهان را می‌شناسند: پلی زنده میان دو شهر.",
        },
        en: Words {
            title: "Persian classes for children of Isfahani families in {city}",
            summary: "Weekend classes in Persian language and culture for children of Isfahani families in {city}, with books from Isfahan's Institute for the Intellectual Development of Children and Young Adults.",
            opening: "Children of Isfahani families in {city} are slowly losing their tie with Persian and with their parents' home town.",
            steps: [
                "Classes would be held at weekends at a cultural centre in {city} by volunteer teachers.",
                "Isfahan's Institute for the Intellectual Development of Children and Young Adults would supply books and educational games.",
                "Every summer, a group of these children would come to a cultural camp in Isfahan with their families.",
                "The classes would also be open to adults from {city} who want to learn Persian.",
            ],
            outcomes: "A second generation abroad that speaks Persian and knows Isfahan: a living bridge between the two cities.",
        },
    },
];

/// How a citizen describes their channel to the city, by the kind of tie: two ways each. `{years}` is how
/// long the tie has lasted.
fn channel_sentences(kind: TieKind, lang: Lang) -> [&'static str; 2] {
    match (lang, kind) {
        (Lang::Fa, TieKind::Family) => [
            "خواهرم و خانواده‌اش {years} سال است در {city} زندگی می‌کنند و من هر سال چند هفته آنجا هستم.",
            "بخشی از خانواده‌ام ساکن {city} هستند و با انجمن ایرانیان آنجا آشنایی نزدیک دارم.",
        ],
        (Lang::Fa, TieKind::Study) => [
            "{years} سال پیش برای تحصیل به {city} رفتم و هنوز با استادان و هم‌کلاسی‌هایم در تماسم.",
            "دوره کارشناسی ارشد را در {city} گذرانده‌ام و با دفتر روابط بین‌الملل دانشگاه آنجا ارتباط دارم.",
        ],
        (Lang::Fa, TieKind::Work) => [
            "{years} سال در یک شرکت مهندسی در {city} کار کرده‌ام و با مدیران شهری آنجا آشنا هستم.",
            "نماینده یک شرکت اصفهانی در {city} هستم و {years} سال است میان دو شهر رفت‌وآمد می‌کنم.",
        ],
        (Lang::Fa, TieKind::Trade) => [
            "{years} سال است با بازرگانان {city} داد و ستد دارم و در نمایشگاه‌های آنجا غرفه داشته‌ام.",
            "شرکت ما {years} سال است به {city} صادرات دارد و خریداران آنجا را می‌شناسد.",
        ],
        (Lang::Fa, TieKind::Academic) => [
            "{years} سال است با گروهی پژوهشی در {city} همکاری دارم و مقاله‌های مشترک منتشر کرده‌ایم.",
            "استاد مدعو دانشگاهی در {city} بوده‌ام و با چند دانشکده آنجا طرح مشترک دارم.",
        ],
        (Lang::Fa, TieKind::Cultural) => [
            "{years} سال است با یک گروه هنری در {city} همکاری می‌کنم و در جشنواره‌های آنجا اثر داشته‌ام.",
            "با مدیران چند مرکز فرهنگی {city} آشنا هستم و پیش‌تر با آنها برنامه مشترک اجرا کرده‌ام.",
        ],
        (Lang::Fa, TieKind::Sports) => [
            "{years} سال است با باشگاه‌های {city} اردوی مشترک داریم و مربیان آنجا را می‌شناسم.",
            "در مسابقات بین‌المللی {city} شرکت کرده‌ام و با فدراسیون ورزشی آنجا در ارتباطم.",
        ],
        (Lang::Fa, TieKind::Media) => [
            "{years} سال است برای رسانه‌ای در {city} گزارش می‌نویسم.",
            "با چند روزنامه‌نگار و مستندساز {city} پروژه مشترک داشته‌ام.",
        ],
        (Lang::Fa, TieKind::Diaspora) => [
            "{years} سال مقیم {city} بوده‌ام و در انجمن ایرانیان آنجا فعالم.",
            "از ایرانیان مقیم {city} هستم و هر سال به اصفهان برمی‌گردم.",
        ],
        (Lang::Fa, TieKind::Other) => [
            "از راه دوستی‌های شخصی با چند خانواده در {city} ارتباط دارم.",
            "در سفرهای متعدد به {city} با نهادهای مدنی آنجا آشنا شده‌ام.",
        ],
        (Lang::En, TieKind::Family) => [
            "My sister's family has lived in {city} for {years} years, and I spend a few weeks there every year.",
            "Part of my family lives in {city}, and I know the local Iranian association well.",
        ],
        (Lang::En, TieKind::Study) => [
            "I went to {city} to study {years} years ago and am still in touch with my professors and classmates.",
            "I did my master's degree in {city} and keep in touch with the university's international office.",
        ],
        (Lang::En, TieKind::Work) => [
            "I worked for an engineering firm in {city} for {years} years and know people in its city administration.",
            "I represent an Isfahani company in {city} and have travelled between the two cities for {years} years.",
        ],
        (Lang::En, TieKind::Trade) => [
            "I have traded with merchants in {city} for {years} years and exhibited at its fairs.",
            "Our company has exported to {city} for {years} years and knows its buyers.",
        ],
        (Lang::En, TieKind::Academic) => [
            "I have worked with a research group in {city} for {years} years, and we have published together.",
            "I was a visiting professor at a university in {city} and run joint projects with several of its faculties.",
        ],
        (Lang::En, TieKind::Cultural) => [
            "I have worked with an arts group in {city} for {years} years and shown work at its festivals.",
            "I know the directors of several cultural centres in {city} and have run joint events with them.",
        ],
        (Lang::En, TieKind::Sports) => [
            "Our club has held joint camps with clubs in {city} for {years} years, and I know its coaches.",
            "I have competed in international events in {city} and am in touch with its sports federation.",
        ],
        (Lang::En, TieKind::Media) => [
            "I have written reports for a media outlet in {city} for {years} years.",
            "I have worked on joint projects with several journalists and documentary makers in {city}.",
        ],
        (Lang::En, TieKind::Diaspora) => [
            "I have lived in {city} for {years} years and am active in its Iranian association.",
            "I am an Iranian living in {city} and come back to Isfahan every year.",
        ],
        (Lang::En, TieKind::Other) => [
            "I am connected to several families in {city} through personal friendships.",
            "On many trips to {city} I have come to know its civic organisations.",
        ],
    }
}

fn partner_sentences(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::Fa => [
            "{partner} از {org} آمادگی خود را برای همکاری در این طرح اعلام کرده است.",
            "با {partner} در {org} درباره این طرح گفت‌وگو کرده‌ام و از آن استقبال کرده‌اند.",
        ],
        Lang::En => [
            "{partner} of {org} has said they are ready to work with us on this.",
            "I have discussed the plan with {partner} at {org}, who welcomed it.",
        ],
    }
}

fn closing_sentences(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Fa => [
            "اجرای آزمایشی طرح در یک سال ممکن است و در صورت موفقیت می‌تواند هر سال تکرار شود.",
            "برای شروع، یک نشست برخط میان نمایندگان دو شهر کافی است.",
            "آماده‌ام هماهنگی‌های اولیه در {city} را به‌صورت داوطلبانه انجام دهم.",
            "بودجه پیشنهادی اندک است و بخش عمده آن را حامیان خصوصی می‌پردازند.",
            "این طرح با اولویت‌های دیپلماسی شهری در چارچوب سیاست‌های وزارت امور خارجه هم‌راستاست.",
            "تجربه شهرهای دیگر نشان می‌دهد چنین برنامه‌هایی پیوندهای پایداری می‌سازند.",
        ],
        Lang::En => [
            "A pilot could run within a year and, if it works, be repeated every year.",
            "A first online meeting between representatives of the two cities would be enough to start.",
            "I am ready to handle the first arrangements in {city} as a volunteer.",
            "The budget is small, and private sponsors would cover most of it.",
            "The plan fits the priorities of city diplomacy within the framework of the Ministry of Foreign Affairs.",
            "Other cities' experience shows that such programmes build lasting ties.",
        ],
    }
}

fn extra_outcomes(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Fa => [
            "افزون بر این، سفرهای متقابل شهروندان دو شهر افزایش می‌یابد.",
            "نام اصفهان هم بیشتر در رسانه‌های {city} دیده می‌شود.",
            "فرصت‌های شغلی تازه‌ای هم برای جوانان اصفهانی پدید می‌آید.",
            "این همکاری می‌تواند زمینه امضای تفاهم‌نامه‌ای رسمی میان دو شهر باشد.",
            "چهره اصفهان به‌عنوان شهری باز و میهمان‌نواز هم تقویت می‌شود.",
        ],
        Lang::En => [
            "Citizens of the two cities would also visit each other more often.",
            "Isfahan would also be mentioned more often in the media of {city}.",
            "It would also create new jobs for young Isfahanis.",
            "The cooperation could lead to a formal agreement between the two cities.",
            "Isfahan would also be seen as an open and welcoming city.",
        ],
    }
}

/// The sentence a near-duplicate adds to the idea it copies.
fn duplicate_addition(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => "این ایده را پیش‌تر در نشستی با ایرانیان مقیم {city} هم مطرح کرده‌ام و با استقبال روبه‌رو شد.",
        Lang::En => "I have already raised this idea at a meeting with Iranians in {city}, and it was well received.",
    }
}

/// The one-word changes a near-duplicate makes, tried in order on the title and then on the body.
fn word_swaps(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Fa => &[
            ("تبادل", "مبادله"),
            ("مشترک", "دوجانبه"),
            ("همکاری", "تعامل"),
            ("برگزاری", "اجرای"),
            ("پیشنهاد می‌کنم", "پیشنهاد من این است که"),
            ("می‌شود", "خواهد شد"),
        ],
        Lang::En => &[
            ("joint", "shared"),
            ("Joint", "Shared"),
            ("exchange", "partnership"),
            ("I propose", "My proposal is"),
            ("would", "could"),
        ],
    }
}

/// Staff's notes on a screening decision, by reason.
fn rejection_notes(reason: ScreeningReason) -> [&'static str; 2] {
    match reason {
        ScreeningReason::OutOfScope => [
            "ایده به پیوند با یک شهر خارجی نمی‌پردازد و در دامنه این فراخوان نیست.",
            "موضوع ایده بیشتر به خدمات داخلی شهر مربوط است تا پیوند با شهر خارجی.",
        ],
        ScreeningReason::Incomplete => [
            "شرح ایده، شریکان خارجی و نتایج مورد انتظار کامل نیست.",
            "مشخص نیست چه نهادی در شهر مقصد همکاری می‌کند.",
        ],
        ScreeningReason::Duplicate => [
            "ایده‌ای بسیار نزدیک به آن پیش‌تر در همین فراخوان ثبت شده است.",
            "تکراری است.",
        ],
        ScreeningReason::NotFeasible => [
            "هزینه و زمان‌بندی طرح با توان شهرداری همخوان نیست.",
            "اجرای طرح به امکاناتی نیاز دارد که در افق یک‌ساله فراهم نمی‌شود.",
        ],
        ScreeningReason::OutsidePolicyFramework => [
            "اجرای طرح به هماهنگی‌هایی فراتر از اختیارات شهرداری نیاز دارد.",
            "با ضوابط همکاری‌های بین‌المللی شهرداری همخوان نیست.",
        ],
        ScreeningReason::Other => [
            "شریک معرفی‌شده در شهر مقصد همکاری را تأیید نکرد.",
            "طرح مشابهی هم‌اکنون از سوی سازمان دیگری در حال اجراست.",
        ],
    }
}

const SHORTLIST_NOTES: [&str; 3] = [
    "طرح روشن و شدنی است.",
    "شریک خارجی معتبر دارد؛ برای داوری فرستاده شود.",
    "ایده‌ای نو با هزینه اندک.",
];

/// Why staff rejected an idea that is not a duplicate, about as often as each happens.
const REJECTION_REASONS: [ScreeningReason; 8] = [
    ScreeningReason::OutOfScope,
    ScreeningReason::Incomplete,
    ScreeningReason::NotFeasible,
    ScreeningReason::OutsidePolicyFramework,
    ScreeningReason::Other,
    ScreeningReason::Incomplete,
    ScreeningReason::NotFeasible,
    ScreeningReason::OutOfScope,
];

// ---------------------------------------------------------------------------------------------------------
// Dates

/// A day of the demo's calendar, written in the code (evaluated at compile time where it is a constant).
pub(super) const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(day) => day,
        None => panic!("not a calendar date"),
    }
}

const ACCOUNTS_OPENED: NaiveDate = date(2020, 11, 15);
/// Staff entered the cities of the register before the first call.
const REGISTER_STARTED: NaiveDate = date(2020, 12, 1);
/// 19 Azar 1399: staff prepared the first call.
const FIRST_CALL_PREPARED: NaiveDate = date(2020, 12, 9);
/// 1 Dey 1399.
const FIRST_CALL_OPENS: NaiveDate = date(2020, 12, 21);
/// 30 Bahman 1399.
const FIRST_CALL_CLOSES: NaiveDate = date(2021, 2, 18);
/// 1 Esfand 1399: staff screened for a week after the deadline.
const FIRST_SCREENING: NaiveDate = date(2021, 2, 19);
/// 8 and 28 Esfand 1399.
pub(super) const FIRST_REVIEW_OPENS: NaiveDate = date(2021, 2, 26);
pub(super) const FIRST_REVIEW_CLOSES: NaiveDate = date(2021, 3, 18);
/// 20 Farvardin 1400.
const FIRST_DECISIONS: NaiveDate = date(2021, 4, 9);

/// `minutes` after the start of `day` in the office's time zone.
pub(super) fn office_time(day: NaiveDate, minutes: i64) -> DateTime<Utc> {
    Moment::Day(day).start(TEHRAN) + Duration::minutes(minutes)
}

fn start_of(day: NaiveDate) -> DateTime<Utc> {
    Moment::Day(day).start(TEHRAN)
}

fn end_of(day: NaiveDate) -> DateTime<Utc> {
    Moment::Day(day).end(TEHRAN)
}

/// The instant `fraction` of the way from `from` to `until` (`from` when `until` is not later).
pub(super) fn between(from: DateTime<Utc>, until: DateTime<Utc>, fraction: f64) -> DateTime<Utc> {
    let seconds = (until - from).num_seconds().max(0) as f64 * fraction;
    from + Duration::seconds(seconds as i64)
}

// ---------------------------------------------------------------------------------------------------------
// The generator

/// SplitMix64, spelled out rather than borrowed so that the demo stays the same across runs, platforms and
/// versions of the rand crate.
pub(super) struct Dice(pub(super) u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 ..< n, and 0 when n is 0.
    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    /// [0, 1).
    pub(super) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(super) fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    /// One of a fixed, non-empty list.
    pub(super) fn pick<T: Copy, const N: usize>(&mut self, items: [T; N]) -> T {
        items[self.below(N)]
    }

    fn choose<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        items.get(self.below(items.len())).copied()
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Lang {
    Fa,
    En,
}

impl Lang {
    fn account_locale(self) -> domain::account::Locale {
        match self {
            Lang::Fa => domain::account::Locale::Fa,
            Lang::En => domain::account::Locale::En,
        }
    }

    fn city(self, city: &DemoCity) -> &'static str {
        match self {
            Lang::Fa => city.fa,
            Lang::En => city.en,
        }
    }

    /// The city's name inside a sentence: «دوشنبه» is also Monday, so Persian prose says «شهر دوشنبه».
    fn city_in_text(self, city: &DemoCity) -> &'static str {
        match (self, city.en) {
            (Lang::Fa, "Dushanbe") => "شهر دوشنبه",
            _ => self.city(city),
        }
    }

    /// A number as written in this language's texts.
    fn number(self, n: i32) -> String {
        let latin = n.to_string();
        match self {
            Lang::En => latin,
            Lang::Fa => latin
                .chars()
                .map(|c| c.to_digit(10).and_then(|d| char::from_u32('۰' as u32 + d)).unwrap_or(c))
                .collect(),
        }
    }
}

/// A city in the database.
struct Place {
    id: Uuid,
    city: &'static DemoCity,
    created_at: DateTime<Utc>,
}

#[derive(Clone, Copy)]
struct PersonTie {
    place: usize,
    kind: TieKind,
    since: i32,
}

/// A citizen who proposes ideas.
struct Person {
    id: Uuid,
    locale: Lang,
    speaks_en: bool,
    category: OccupationCategory,
    ties: Vec<PersonTie>,
    /// Whether the draw may give them ideas; the two demo accounts get theirs by hand.
    drawn: bool,
    joined_at: DateTime<Utc>,
}

struct CallPlan {
    fields: CallFields,
    created_at: DateTime<Utc>,
    decisions_published_at: Option<DateTime<Utc>>,
    /// The office days staff screened on after the deadline (first day, number of days); `None` while the
    /// call is open and staff screen some ideas early.
    screening_days: Option<(NaiveDate, usize)>,
    states: &'static [(IdeaState, usize)],
    duplicates: &'static [IdeaState],
}

const OPEN_CALL: usize = 2;

fn call_plans(now: DateTime<Utc>) -> Vec<CallPlan> {
    let today = now.with_timezone(&TEHRAN).date_naive();
    let day = |offset: i64| today + Duration::days(offset);
    vec![
        CallPlan {
            fields: CallFields {
                title: ("فراخوان شهروند دیپلمات ۱۳۹۹".into(), Some("Citizen Diplomat call 1399".into())),
                description: ("شهرداری اصفهان از شهروندانی که با شهری در خارج از کشور پیوندی استوار دارند (بازرگانان، دانشگاهیان، دانشجویان، ورزشکاران، هنرمندان و فعالان رسانه‌ای) دعوت می‌کند ایده‌های خود را برای پیوند اصفهان با آن شهر پیشنهاد کنند. ایده‌ها از ۱ دی تا ۳۰ بهمن ۱۳۹۹ پذیرفته می‌شوند و پس از بررسی اولیه، هیئت داورانی از وزارت امور خارجه، مرکز پژوهش‌های شورای شهر، دانشگاه‌ها و اتاق بازرگانی آنها را ارزیابی می‌کنند.".into(), Some("Isfahan municipality invites citizens with a strong tie to a city abroad (traders, academics, students, athletes, artists and media activists) to propose ideas that would link Isfahan with that city. Ideas are accepted from 1 Dey to 30 Bahman 1399; after screening, a jury from the Ministry of Foreign Affairs, the city council's research centre, the universities and the chamber of commerce scores them.".into())),
                window: CallWindow {
                    opens_at: start_of(FIRST_CALL_OPENS),
                    closes_at: end_of(FIRST_CALL_CLOSES),
                    review_opens_at: start_of(FIRST_REVIEW_OPENS),
                    review_closes_at: end_of(FIRST_REVIEW_CLOSES),
                },
                domains: Domain::ALL.to_vec(),
                ideas_per_citizen: 3,
                blind_review: true,
                reviewers_per_idea: 3,
            },
            created_at: office_time(FIRST_CALL_PREPARED, 10 * 60 + 40),
            decisions_published_at: Some(office_time(FIRST_DECISIONS, 11 * 60)),
            screening_days: Some((FIRST_SCREENING, 7)),
            states: &[
                (IdeaState::Selected, 15),
                (IdeaState::NotSelected, 58),
                (IdeaState::Rejected, 51),
                (IdeaState::Withdrawn, 21),
            ],
            duplicates: &[
                IdeaState::Rejected,
                IdeaState::Rejected,
                IdeaState::Rejected,
                IdeaState::Rejected,
                IdeaState::Withdrawn,
            ],
        },
        CallPlan {
            fields: CallFields {
                title: ("فراخوان دوم شهروند دیپلمات: فرهنگ، گردشگری و دانش".into(), Some("Citizen Diplomat, second call: culture, tourism and knowledge".into())),
                description: ("این فراخوان ایده‌هایی را می‌پذیرد که پیوندهای فرهنگی، گردشگری، علمی و رسانه‌ای اصفهان را با شهرهای جهان گسترش دهند. ایده‌های برگزیده در برنامه سال آینده اداره کل روابط بین‌الملل شهرداری اجرا می‌شوند.".into(), Some("This call accepts ideas that widen Isfahan's cultural, tourism, scientific and media ties with cities around the world. The selected ideas will be carried out in next year's programme of the municipality's international relations office.".into())),
                window: CallWindow {
                    opens_at: start_of(day(-85)),
                    closes_at: end_of(day(-22)),
                    review_opens_at: start_of(day(-8)),
                    review_closes_at: end_of(day(21)),
                },
                domains: vec![Domain::Cultural, Domain::Tourism, Domain::Scientific, Domain::Media],
                ideas_per_citizen: 3,
                blind_review: true,
                reviewers_per_idea: 3,
            },
            created_at: office_time(day(-96), 11 * 60 + 15),
            decisions_published_at: None,
            screening_days: Some((day(-21), 12)),
            states: &[
                (IdeaState::Shortlisted, 7),
                (IdeaState::InReview, 12),
                (IdeaState::Reviewed, 6),
                (IdeaState::Rejected, 9),
                (IdeaState::Withdrawn, 4),
            ],
            duplicates: &[IdeaState::Rejected, IdeaState::Withdrawn],
        },
        CallPlan {
            fields: CallFields {
                title: ("فراخوان سوم شهروند دیپلمات: اصفهان و شهرهای خواهرخوانده".into(), Some("Citizen Diplomat, third call: Isfahan and its sister cities".into())),
                description: ("شهروندانی که با بارسلون، فلورانس، کوالالامپور، فرایبورگ، شی‌آن یا هر شهر دیگری در جهان پیوند دارند، ایده‌های خود را برای همکاری تازه با اصفهان بفرستند. هر شهروند می‌تواند تا سه ایده ثبت کند و تا پایان مهلت آنها را ویرایش کند یا پس بگیرد.".into(), Some("Citizens with ties to Barcelona, Florence, Kuala Lumpur, Freiburg, Xi'an or any other city in the world are invited to send ideas for new cooperation with Isfahan. Each citizen may submit up to three ideas and edit or withdraw them until the deadline.".into())),
                window: CallWindow {
                    opens_at: start_of(day(-20)),
                    closes_at: end_of(day(40)),
                    review_opens_at: start_of(day(48)),
                    review_closes_at: end_of(day(76)),
                },
                domains: Domain::ALL.to_vec(),
                ideas_per_citizen: 3,
                blind_review: false,
                reviewers_per_idea: 2,
            },
            created_at: office_time(day(-27), 9 * 60 + 50),
            decisions_published_at: None,
            screening_days: None,
            states: &[
                (IdeaState::Draft, 14),
                (IdeaState::Submitted, 24),
                (IdeaState::Withdrawn, 5),
                (IdeaState::Shortlisted, 4),
                (IdeaState::Rejected, 4),
            ],
            duplicates: &[IdeaState::Submitted, IdeaState::Submitted, IdeaState::Draft],
        },
    ]
}

/// The open call's ideas placed by hand: the two demo citizens' own, so that whoever tries the demo finds
/// ideas of theirs, and one in each city that citizens added. (submitter, theme by its Persian title, city by
/// its English name, language, state)
const HAND_PLACED: &[(Submitter, &str, &str, Lang, IdeaState)] = &[
    (
        Submitter::CitizenFa,
        "نمایشگاه نگارگری مکتب اصفهان در {city}",
        "Florence",
        Lang::Fa,
        IdeaState::Draft,
    ),
    (
        Submitter::CitizenFa,
        "هفته فرهنگی اصفهان در {city}",
        "Paris",
        Lang::Fa,
        IdeaState::Submitted,
    ),
    (
        Submitter::CitizenEn,
        "نمایشگاه صنایع دستی اصفهان در {city}",
        "Kuala Lumpur",
        Lang::En,
        IdeaState::Draft,
    ),
    (
        Submitter::CitizenEn,
        "میز تجاری مشترک اصفهان و {city} برای کسب‌وکارهای کوچک",
        "Istanbul",
        Lang::En,
        IdeaState::Submitted,
    ),
    (
        Submitter::WhoAddedTheCity,
        "مسیر گردشگری جاده ابریشم از اصفهان تا {city}",
        "Bukhara",
        Lang::Fa,
        IdeaState::Submitted,
    ),
    (
        Submitter::WhoAddedTheCity,
        "خواهرخواندگی مدارس اصفهان و {city}",
        "Mazar-i-Sharif",
        Lang::Fa,
        IdeaState::Draft,
    ),
];

#[derive(Clone, Copy)]
enum Submitter {
    /// citizen@demo.example
    CitizenFa,
    /// citizen.en@demo.example
    CitizenEn,
    /// The demo citizen who added the idea's city (`CITIES_ADDED_BY_CITIZENS`).
    WhoAddedTheCity,
}

impl Submitter {
    /// The index in the people list, where the two demo accounts come after the demo citizens.
    fn index(self, city: &str) -> Option<usize> {
        match self {
            Submitter::CitizenFa => Some(CITIZENS),
            Submitter::CitizenEn => Some(CITIZENS + 1),
            Submitter::WhoAddedTheCity => CITIES_ADDED_BY_CITIZENS
                .iter()
                .find(|(added, _, _)| added.en == city)
                .map(|(_, creator, _)| *creator),
        }
    }
}

/// How a near-duplicate differs from the idea it copies.
#[derive(Clone, Copy)]
enum Edit {
    /// Retyped on an Arabic keyboard: ي and ك for ی and ک.
    ArabicLetters,
    OneWord,
    SentenceAdded,
    ArabicLettersAndSentence,
}

const EDITS: [Edit; 4] = [
    Edit::OneWord,
    Edit::ArabicLetters,
    Edit::SentenceAdded,
    Edit::ArabicLettersAndSentence,
];

struct Screening {
    at: DateTime<Utc>,
    shortlisted: bool,
    reason: Option<ScreeningReason>,
    note: Option<String>,
}

/// An idea ready to be written, with its history.
struct Planned {
    call: usize,
    submitter: usize,
    lang: Lang,
    place: usize,
    state: IdeaState,
    content: Content,
    created_at: DateTime<Utc>,
    submitted_at: Option<DateTime<Utc>>,
    withdrawn_at: Option<DateTime<Utc>>,
    screening: Option<Screening>,
    /// Whether a near-duplicate may copy it (it is not one itself).
    copyable: bool,
}

struct Spec {
    call: usize,
    submitter: usize,
    lang: Lang,
    place: usize,
    theme: usize,
    kind: TieKind,
    years: i32,
    state: IdeaState,
}

struct Times {
    created_at: DateTime<Utc>,
    submitted_at: Option<DateTime<Utc>>,
    withdrawn_at: Option<DateTime<Utc>>,
    screened_at: Option<DateTime<Utc>>,
}

fn is_screened(state: IdeaState) -> bool {
    !matches!(state, IdeaState::Draft | IdeaState::Submitted | IdeaState::Withdrawn)
}

fn organisation_for(domain: Domain) -> usize {
    match domain {
        Domain::Scientific | Domain::HealthAndCrisisRelief => UNIVERSITY,
        Domain::Economic => BUSINESS,
        Domain::Cultural | Domain::Media | Domain::Tourism => CULTURE,
        Domain::UrbanServices | Domain::Sports | Domain::Other => CITY_HALL,
    }
}

fn arabic_letters(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ی' => 'ي',
            'ک' => 'ك',
            c => c,
        })
        .collect()
}

fn swap_one_word(content: &mut Content, lang: Lang) {
    for &(from, to) in word_swaps(lang) {
        if content.title.contains(from) {
            content.title = content.title.replacen(from, to, 1);
            return;
        }
    }
    for &(from, to) in word_swaps(lang) {
        if content.body.contains(from) {
            content.body = content.body.replacen(from, to, 1);
            return;
        }
    }
}

/// A copy of `original` as another citizen would send it, with a small edit.
fn near_duplicate(original: &Content, lang: Lang, city: &DemoCity, edit: Edit) -> Content {
    let mut copy = original.clone();
    let retyped = matches!(edit, Edit::ArabicLetters | Edit::ArabicLettersAndSentence);
    // English has no Persian letters to retype: such a copy changes a word instead.
    if matches!(edit, Edit::OneWord) || (retyped && lang == Lang::En) {
        swap_one_word(&mut copy, lang);
    }
    if matches!(edit, Edit::SentenceAdded | Edit::ArabicLettersAndSentence) {
        let added = duplicate_addition(lang).replace("{city}", lang.city_in_text(city));
        copy.body = format!("{} {added}", copy.body);
    }
    if retyped && lang == Lang::Fa {
        copy.title = arabic_letters(&copy.title);
        copy.summary = arabic_letters(&copy.summary);
        copy.body = arabic_letters(&copy.body);
    }
    copy
}

/// Draws the ideas of every call: submitters within each call's cap, target cities mostly among their
/// ties, themes that fit the city and the call's domains, and times that follow the call's window.
struct Planner<'a> {
    dice: Dice,
    now: DateTime<Utc>,
    people: &'a [Person],
    places: &'a [Place],
    calls: &'a [CallPlan],
    /// Ideas that count against the cap (all but the withdrawn), per (call, person).
    active: HashMap<(usize, usize), i32>,
    /// (call, theme, place) already drawn, so that one call's ideas share a theme and a city only by copying.
    used: HashSet<(usize, usize, usize)>,
    /// How often each theme was drawn per call and language.
    theme_uses: HashMap<(usize, usize, Lang), usize>,
    ideas: Vec<Planned>,
}

impl Planner<'_> {
    fn plan_call(&mut self, call: usize) -> anyhow::Result<()> {
        let calls = self.calls;
        let plan = &calls[call];
        for &(state, count) in plan.states {
            for _ in 0..count {
                // One idea in five is in English, whatever the draw.
                let lang = if self.ideas.len() % 5 == 4 { Lang::En } else { Lang::Fa };
                let submitter = self.submitter(call, lang, state, None)?;
                let (place, kind, years) = self.channel(call, submitter);
                let theme = self.theme(call, submitter, place, lang);
                let spec = Spec {
                    call,
                    submitter,
                    lang,
                    place,
                    theme,
                    kind,
                    years,
                    state,
                };
                self.add(spec, plan.fields.window.opens_at);
            }
        }
        Ok(())
    }

    fn plan_hand_placed(&mut self, call: usize) -> anyhow::Result<()> {
        let (people, places, calls) = (self.people, self.places, self.calls);
        for &(who, theme_title, city, lang, state) in HAND_PLACED {
            let submitter = who.index(city).context("a hand-placed idea's submitter")?;
            let person = people.get(submitter).context("a hand-placed idea's submitter")?;
            let place = places
                .iter()
                .position(|p| p.city.en == city)
                .with_context(|| format!("the demo city {city}"))?;
            let theme = THEMES
                .iter()
                .position(|t| t.fa.title == theme_title)
                .with_context(|| format!("the idea template {theme_title}"))?;
            let year = calls[call].fields.window.opens_at.year();
            let (kind, years) = match person.ties.iter().find(|t| t.place == place) {
                Some(tie) => (tie.kind, (year - tie.since).max(1)),
                None => (tie_kinds(person.category)[0], 2),
            };
            // An idea for a city its submitter added comes after the city.
            let earliest = calls[call]
                .fields
                .window
                .opens_at
                .max(places[place].created_at + Duration::minutes(10));
            let spec = Spec {
                call,
                submitter,
                lang,
                place,
                theme,
                kind,
                years,
                state,
            };
            self.add(spec, earliest);
        }
        Ok(())
    }

    fn plan_duplicates(&mut self, call: usize) -> anyhow::Result<()> {
        let (places, calls) = (self.places, self.calls);
        let mut copied = HashSet::new();
        for (n, &state) in calls[call].duplicates.iter().enumerate() {
            // Copies are made of ideas that were out in the open: submitted and not turned down.
            let originals: Vec<usize> = (0..self.ideas.len())
                .filter(|&i| {
                    let idea = &self.ideas[i];
                    idea.call == call
                        && idea.copyable
                        && !copied.contains(&i)
                        && !matches!(
                            idea.state,
                            IdeaState::Draft | IdeaState::Withdrawn | IdeaState::Rejected
                        )
                })
                .collect();
            let at = self.dice.choose(&originals).context("an idea to copy")?;
            copied.insert(at);
            let original = &self.ideas[at];
            let (lang, place, earliest) = (original.lang, original.place, original.created_at + Duration::hours(2));
            let (original_submitter, title) = (original.submitter, original.content.title.clone());
            let content = near_duplicate(&original.content, lang, places[place].city, EDITS[n % EDITS.len()]);
            let submitter = self.submitter(call, lang, state, Some(original_submitter))?;
            let times = self.timeline(call, state, earliest);
            let note = format!("بسیار نزدیک به ایده «{title}» است که پیش‌تر در همین فراخوان ثبت شده.");
            let screening = times.screened_at.map(|at| Screening {
                at,
                shortlisted: false,
                reason: Some(ScreeningReason::Duplicate),
                note: Some(note),
            });
            self.count(call, submitter, state);
            self.ideas.push(Planned {
                call,
                submitter,
                lang,
                place,
                state,
                content,
                created_at: times.created_at,
                submitted_at: times.submitted_at,
                withdrawn_at: times.withdrawn_at,
                screening,
                copyable: false,
            });
        }
        Ok(())
    }

    /// A citizen who writes in `lang` and may propose another idea in the call.
    fn submitter(&mut self, call: usize, lang: Lang, state: IdeaState, not: Option<usize>) -> anyhow::Result<usize> {
        let people = self.people;
        let cap = self.calls[call].fields.ideas_per_citizen;
        for _ in 0..1000 {
            let index = self.dice.below(people.len());
            let person = &people[index];
            let writes = match lang {
                Lang::Fa => person.locale == Lang::Fa,
                // Mostly those who use the English interface; now and then a Persian speaker who writes English.
                Lang::En => person.speaks_en && (person.locale == Lang::En || self.dice.chance(0.3)),
            };
            let room = state == IdeaState::Withdrawn || self.active.get(&(call, index)).copied().unwrap_or(0) < cap;
            if person.drawn && writes && room && Some(index) != not {
                return Ok(index);
            }
        }
        Err(anyhow!("no demo citizen may propose another idea in call {}", call + 1))
    }

    fn count(&mut self, call: usize, submitter: usize, state: IdeaState) {
        if state != IdeaState::Withdrawn {
            *self.active.entry((call, submitter)).or_insert(0) += 1;
        }
    }

    /// The target city and the channel to it: mostly one of the submitter's ties.
    fn channel(&mut self, call: usize, submitter: usize) -> (usize, TieKind, i32) {
        let person = &self.people[submitter];
        let year = self.calls[call].fields.window.opens_at.year();
        let ties: Vec<PersonTie> = person.ties.iter().copied().filter(|t| t.place < CITIES.len()).collect();
        if self.dice.chance(0.8)
            && let Some(tie) = self.dice.choose(&ties)
        {
            return (tie.place, tie.kind, (year - tie.since).max(1));
        }
        let place = weighted_city_index(&mut self.dice);
        (place, tie_kinds(person.category)[0], 1 + self.dice.below(6) as i32)
    }

    /// A theme in one of the call's domains that fits the city, leaning to the submitter's field. Within a
    /// call the least used themes come first and a city gets a theme once, so that ideas look alike only
    /// where one copies another.
    fn theme(&mut self, call: usize, submitter: usize, place: usize, lang: Lang) -> usize {
        let domains = &self.calls[call].fields.domains;
        let city = self.places[place].city;
        let favourites: Vec<Domain> = favourite_domains(self.people[submitter].category)
            .iter()
            .copied()
            .filter(|d| domains.contains(d))
            .collect();
        let domain = if self.dice.chance(0.6) {
            self.dice.choose(&favourites)
        } else {
            None
        };
        let domain = domain.or_else(|| self.dice.choose(domains)).unwrap_or(Domain::Cultural);
        let fitting: Vec<usize> = (0..THEMES.len())
            .filter(|&t| THEMES[t].fits(city) && domains.contains(&THEMES[t].domain))
            .collect();
        let fresh: Vec<usize> = fitting
            .iter()
            .copied()
            .filter(|&t| !self.used.contains(&(call, t, place)))
            .collect();
        let of_domain: Vec<usize> = fresh.iter().copied().filter(|&t| THEMES[t].domain == domain).collect();
        let tier = [of_domain, fresh, fitting]
            .into_iter()
            .find(|tier| !tier.is_empty())
            .unwrap_or_default();
        let uses = |t: &usize| self.theme_uses.get(&(call, *t, lang)).copied().unwrap_or(0);
        let least = tier.iter().map(uses).min().unwrap_or(0);
        let least_used: Vec<usize> = tier.iter().copied().filter(|t| uses(t) == least).collect();
        self.dice.choose(&least_used).unwrap_or(0)
    }

    fn add(&mut self, spec: Spec, earliest: DateTime<Utc>) {
        let uses = self.theme_uses.entry((spec.call, spec.theme, spec.lang)).or_insert(0);
        let variant = *uses;
        *uses += 1;
        let reason = (spec.state == IdeaState::Rejected).then(|| self.dice.pick(REJECTION_REASONS));
        // Some drafts are half written, and ideas rejected as incomplete were.
        let complete =
            reason != Some(ScreeningReason::Incomplete) && !(spec.state == IdeaState::Draft && self.dice.chance(0.35));
        let content = self.compose(&spec, complete, variant);
        let times = self.timeline(spec.call, spec.state, earliest);
        let screening = times.screened_at.map(|at| {
            let note = match reason {
                Some(reason) if reason == ScreeningReason::Other || self.dice.chance(0.6) => {
                    Some(self.dice.pick(rejection_notes(reason)).to_owned())
                }
                Some(_) => None,
                None if self.dice.chance(0.3) => Some(self.dice.pick(SHORTLIST_NOTES).to_owned()),
                None => None,
            };
            Screening {
                at,
                shortlisted: spec.state != IdeaState::Rejected,
                reason,
                note,
            }
        });
        self.count(spec.call, spec.submitter, spec.state);
        self.used.insert((spec.call, spec.theme, spec.place));
        self.ideas.push(Planned {
            call: spec.call,
            submitter: spec.submitter,
            lang: spec.lang,
            place: spec.place,
            state: spec.state,
            content,
            created_at: times.created_at,
            submitted_at: times.submitted_at,
            withdrawn_at: times.withdrawn_at,
            screening,
            copyable: true,
        });
    }

    /// When the idea was created, submitted, withdrawn and screened, within its call's window.
    fn timeline(&mut self, call: usize, state: IdeaState, earliest: DateTime<Utc>) -> Times {
        let plan = &self.calls[call];
        let last = plan.fields.window.closes_at.min(self.now - Duration::hours(1));
        let earliest = earliest.min(last - Duration::hours(3));
        // More ideas come in as the deadline nears.
        let created_at = between(earliest, last, 0.97 * self.dice.unit().sqrt());
        let submitted_at = match state {
            IdeaState::Draft => None,
            IdeaState::Withdrawn if self.dice.chance(0.4) => None,
            _ => Some(self.after(created_at, last, Duration::days(4))),
        };
        let withdrawn_at = if state == IdeaState::Withdrawn {
            Some(self.after(submitted_at.unwrap_or(created_at), last, Duration::days(20)))
        } else {
            None
        };
        let screened_at = if !is_screened(state) {
            None
        } else if let Some((first, days)) = plan.screening_days {
            let day = first + Duration::days(self.dice.below(days) as i64);
            Some(office_time(day, 9 * 60 + self.dice.below(7 * 60) as i64))
        } else {
            let from = submitted_at.unwrap_or(created_at);
            Some(self.after(from, self.now - Duration::minutes(30), Duration::days(6)))
        };
        Times {
            created_at,
            submitted_at,
            withdrawn_at,
            screened_at,
        }
    }

    /// Some time after `from`: at most `at_most` later and never after `until`.
    fn after(&mut self, from: DateTime<Utc>, until: DateTime<Utc>, at_most: Duration) -> DateTime<Utc> {
        let span = (until - from).min(at_most).max(Duration::zero());
        between(from, from + span, 0.05 + 0.9 * self.dice.unit())
    }

    /// The idea's text; `variant` is how many ideas on the same theme and in the same language the call had
    /// before this one.
    fn compose(&mut self, spec: &Spec, complete: bool, variant: usize) -> Content {
        let theme = &THEMES[spec.theme];
        let words = theme.words(spec.lang);
        let place = &self.places[spec.place];
        let city = place.city;
        let name = spec.lang.city_in_text(city);
        let fill = |text: &str| text.replace("{city}", name);

        let mut partners: Vec<(&str, &str)> = Vec::new();
        if complete {
            let first = self.dice.below(city.people.len());
            let organisation = organisation_for(theme.domain);
            partners.push((city.people[first], city.organisations[organisation]));
            if self.dice.chance(0.4) {
                let other = (organisation + 1 + self.dice.below(3)) % city.organisations.len();
                partners.push((city.people[(first + 1) % city.people.len()], city.organisations[other]));
            }
        }

        let telling = TELLINGS[(variant + spec.theme) % TELLINGS.len()];
        let sentence = |part: Part| match part {
            Part::Summary => words.summary,
            Part::Opening => words.opening,
            Part::Step(i) => words.steps[i % words.steps.len()],
        };
        let summary = sentence(telling.0);
        let told = if complete { telling.1.len() } else { 1 };
        let mut sentences: Vec<String> = telling.1.iter().take(told).map(|&part| fill(sentence(part))).collect();
        if let Some((partner, organisation)) = partners.first()
            && self.dice.chance(0.6)
        {
            let sentence = self.dice.pick(partner_sentences(spec.lang));
            sentences.push(sentence.replace("{partner}", partner).replace("{org}", organisation));
        }
        if sentences.len() < 2 || (complete && self.dice.chance(0.5)) {
            sentences.push(fill(self.dice.pick(closing_sentences(spec.lang))));
        }

        let extras = extra_outcomes(spec.lang);
        let first = self.dice.below(extras.len());
        let extra = |n: usize| fill(extras[(first + n) % extras.len()]);
        let expected_outcomes = match (variant + spec.theme) % 4 {
            _ if !complete && spec.state == IdeaState::Draft => String::new(),
            // Submitting needs every field filled in: an idea turned down as incomplete was thin, not empty.
            _ if !complete => fill(words.outcomes),
            0 => fill(words.outcomes),
            2 => format!("{} {}", fill(words.outcomes), extra(0)),
            _ => format!("{} {}", extra(0), extra(1 + self.dice.below(extras.len() - 1))),
        };
        let channel = self.dice.pick(channel_sentences(spec.kind, spec.lang));
        Content {
            title: fill(words.title),
            // A draft written in a hurry has no summary yet.
            summary: if complete || spec.state != IdeaState::Draft {
                fill(summary)
            } else {
                String::new()
            },
            body: sentences.join(" "),
            domain: theme.domain,
            target_city_id: place.id,
            channel: Some(Channel {
                kind: spec.kind,
                description: fill(channel).replace("{years}", &spec.lang.number(spec.years)),
                years: spec.years,
            }),
            partners: partners
                .iter()
                .map(|(name, organisation)| Partner {
                    name: (*name).to_owned(),
                    organisation: Some((*organisation).to_owned()),
                    country: Some(city.country.to_owned()),
                })
                .collect(),
            expected_outcomes,
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Writing it

/// The ids of the demo accounts that the content refers to.
pub struct DemoAccounts {
    pub staff: Uuid,
    /// citizen@demo.example
    pub citizen_fa: Uuid,
    /// citizen.en@demo.example
    pub citizen_en: Uuid,
}

/// A call as seeded, for the summary.
pub struct SeededCall {
    pub id: Uuid,
    pub title: String,
    pub phase: CallPhase,
    pub ideas: BTreeMap<IdeaState, usize>,
}

/// Writes the cities, the demo citizens and their profiles, the three calls and their ideas with their
/// events. `password_hash` is the demo accounts' one hash, computed once by the caller.
pub async fn seed(
    db: &impl ConnectionTrait,
    accounts: &DemoAccounts,
    password_hash: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<SeededCall>> {
    let mut dice = Dice(0x1399_1001);
    let mut places = insert_cities(db, accounts.staff).await?;
    let mut people = insert_citizens(db, &mut dice, password_hash).await?;
    people.push(demo_account(
        accounts.citizen_fa,
        Lang::Fa,
        OccupationCategory::ArtistOrCulturalActivist,
        &places,
        &[("Florence", TieKind::Study, 2014), ("Paris", TieKind::Cultural, 2018)],
    )?);
    people.push(demo_account(
        accounts.citizen_en,
        Lang::En,
        OccupationCategory::Trader,
        &places,
        &[
            ("Kuala Lumpur", TieKind::Trade, 2011),
            ("Istanbul", TieKind::Trade, 2016),
        ],
    )?);
    for (city, creator, days_ago) in CITIES_ADDED_BY_CITIZENS {
        let person = people.get_mut(*creator).context("the citizen who added a city")?;
        let created_at = office_time(
            now.with_timezone(&TEHRAN).date_naive() - Duration::days(*days_ago),
            19 * 60 + 20,
        );
        let place = insert_city(db, city, false, Some(person.id), created_at).await?;
        person.ties.push(PersonTie {
            place: places.len(),
            kind: tie_kinds(person.category)[0],
            since: 2015,
        });
        places.push(place);
    }
    for person in &people {
        save_profile(db, person, &places).await?;
    }

    let plans = call_plans(now);
    let mut call_ids = Vec::with_capacity(plans.len());
    for plan in &plans {
        let call = db::calls::insert(db, plan.fields.clone(), Some(accounts.staff), plan.created_at).await?;
        let event = NewEvent::of_call(call.id, EventKind::CallCreated).by(accounts.staff);
        db::events::record(db, event, plan.created_at).await?;
        if let Some(at) = plan.decisions_published_at {
            db::calls::set_decisions_published(db, call.id, at).await?;
        }
        call_ids.push(call.id);
    }

    let mut planner = Planner {
        dice,
        now,
        people: &people,
        places: &places,
        calls: &plans,
        active: HashMap::new(),
        used: HashSet::new(),
        theme_uses: HashMap::new(),
        ideas: Vec::new(),
    };
    for call in 0..plans.len() {
        planner.plan_call(call)?;
        if call == OPEN_CALL {
            planner.plan_hand_placed(call)?;
        }
        planner.plan_duplicates(call)?;
    }
    let mut ideas = planner.ideas;
    // In the order they came in, so that ids and best matches grow as they did.
    ideas.sort_by_key(|idea| idea.created_at);

    let mut counts: Vec<BTreeMap<IdeaState, usize>> = vec![BTreeMap::new(); plans.len()];
    for idea in ideas {
        *counts[idea.call].entry(idea.state).or_insert(0) += 1;
        write_idea(db, idea, &call_ids, &people, accounts.staff).await?;
    }

    Ok(plans
        .iter()
        .zip(call_ids)
        .zip(counts)
        .map(|((plan, id), ideas)| {
            let window = plan.fields.window;
            SeededCall {
                id,
                title: plan
                    .fields
                    .title
                    .1
                    .clone()
                    .unwrap_or_else(|| plan.fields.title.0.clone()),
                phase: window.phase(plan.decisions_published_at.is_some(), now),
                ideas,
            }
        })
        .collect())
}

async fn insert_city(
    db: &impl ConnectionTrait,
    city: &'static DemoCity,
    verified: bool,
    created_by: Option<Uuid>,
    created_at: DateTime<Utc>,
) -> anyhow::Result<Place> {
    let new = db::cities::NewCity {
        name_fa: city.fa.to_owned(),
        name_en: Some(city.en.to_owned()),
        country: city.country.to_owned(),
        coordinates: city.coordinates,
        verified,
        created_by,
    };
    let row = db::cities::insert(db, new, created_at).await?;
    Ok(Place {
        id: row.id,
        city,
        created_at,
    })
}

async fn insert_cities(db: &impl ConnectionTrait, staff: Uuid) -> anyhow::Result<Vec<Place>> {
    let mut places = Vec::with_capacity(CITIES.len() + CITIES_ADDED_BY_CITIZENS.len());
    for (minute, city) in (0..).zip(CITIES) {
        places.push(
            insert_city(
                db,
                city,
                true,
                Some(staff),
                office_time(REGISTER_STARTED, 10 * 60 + minute),
            )
            .await?,
        );
    }
    Ok(places)
}

fn persian_name(index: usize) -> String {
    let first = FIRST_NAMES[index % FIRST_NAMES.len()];
    // A step coprime with 30 pairs every first name with a different last name in each round.
    let last = LAST_NAMES[(index * 7 + index / FIRST_NAMES.len()) % LAST_NAMES.len()];
    format!("{first} {last}")
}

async fn insert_citizens(
    db: &impl ConnectionTrait,
    dice: &mut Dice,
    password_hash: &str,
) -> anyhow::Result<Vec<Person>> {
    let mut people = Vec::with_capacity(CITIZENS + 2);
    for index in 0..CITIZENS {
        let (locale, display_name) = if is_english_citizen(index) {
            (Lang::En, ENGLISH_NAMES[(index / 10) % ENGLISH_NAMES.len()].to_owned())
        } else {
            (Lang::Fa, persian_name(index))
        };
        let category = CATEGORY_CYCLE[(index + index / CATEGORY_CYCLE.len()) % CATEGORY_CYCLE.len()];
        let mut ties: Vec<PersonTie> = Vec::new();
        for _ in 0..1 + dice.below(3) {
            let place = weighted_city_index(dice);
            if ties.iter().all(|t| t.place != place) {
                let kinds = tie_kinds(category);
                let kind = kinds[dice.below(kinds.len())];
                ties.push(PersonTie {
                    place,
                    kind,
                    since: 1996 + dice.below(24) as i32,
                });
            }
        }
        let joined_at = office_time(ACCOUNTS_OPENED, 0) + Duration::hours(5 * 24 + 6 * index as i64);
        let new_user = db::users::NewUser {
            email: citizen_email(index + 1),
            display_name,
            password_hash: Some(password_hash.to_owned()),
            roles: Roles::default(),
            locale: locale.account_locale(),
        };
        let user = db::users::insert(db, new_user, joined_at).await?;
        people.push(Person {
            id: user.id,
            locale,
            speaks_en: locale == Lang::En || dice.chance(0.6),
            category,
            ties,
            drawn: true,
            joined_at,
        });
    }
    Ok(people)
}

fn weighted_city_index(dice: &mut Dice) -> usize {
    let total: usize = CITIES.iter().map(|c| c.weight).sum();
    let mut roll = dice.below(total);
    for (index, city) in CITIES.iter().enumerate() {
        if roll < city.weight {
            return index;
        }
        roll -= city.weight;
    }
    0
}

/// citizen@demo.example or citizen.en@demo.example, with hand-picked ties.
fn demo_account(
    id: Uuid,
    locale: Lang,
    category: OccupationCategory,
    places: &[Place],
    ties: &[(&str, TieKind, i32)],
) -> anyhow::Result<Person> {
    let ties = ties
        .iter()
        .map(|&(city, kind, since)| {
            let place = places
                .iter()
                .position(|p| p.city.en == city)
                .with_context(|| format!("the demo city {city}"))?;
            Ok(PersonTie { place, kind, since })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Person {
        id,
        locale,
        speaks_en: true,
        category,
        ties,
        drawn: false,
        joined_at: accounts_created_at(),
    })
}

async fn save_profile(db: &impl ConnectionTrait, person: &Person, places: &[Place]) -> anyhow::Result<()> {
    let mut ties = Vec::with_capacity(person.ties.len());
    let mut languages = vec!["fa"];
    if person.speaks_en {
        languages.push("en");
    }
    for tie in &person.ties {
        let city = places.get(tie.place).context("a tie's city")?.city;
        ties.push(Tie {
            city: person.locale.city(city).to_owned(),
            country: city.country.to_owned(),
            nature: tie.kind,
            since: tie.since,
        });
        if !languages.contains(&city.language) {
            languages.push(city.language);
        }
    }
    let fields = db::profiles::ProfileFields {
        occupation_category: Some(person.category),
        languages: languages.into_iter().map(str::to_owned).collect(),
    };
    db::profiles::save(db, person.id, fields, person.joined_at + Duration::hours(1)).await?;
    db::profiles::replace_ties(db, person.id, ties.into_iter().map(|t| (Uuid::now_v7(), t)).collect()).await?;
    Ok(())
}

/// Inserts the idea, puts it in its state with its times, and writes its history.
async fn write_idea(
    db: &impl ConnectionTrait,
    idea: Planned,
    call_ids: &[Uuid],
    people: &[Person],
    staff: Uuid,
) -> anyhow::Result<()> {
    let call_id = *call_ids.get(idea.call).context("the idea's call")?;
    let submitter = people.get(idea.submitter).context("the idea's submitter")?;
    let row = db::ideas::insert(
        db,
        call_id,
        submitter.id,
        Some(submitter.category),
        &idea.content,
        idea.created_at,
    )
    .await?;
    db::ideas::backdate(db, row.id, idea.state, idea.created_at, idea.submitted_at).await?;

    let event = |kind: EventKind, actor: Uuid, from: Option<IdeaState>, to: IdeaState| NewEvent {
        from: from.map(|s| s.as_str().to_owned()),
        to: Some(to.as_str().to_owned()),
        ..NewEvent::of_idea(row.id, call_id, kind).by(actor)
    };
    db::events::record(
        db,
        event(EventKind::Created, submitter.id, None, IdeaState::Draft),
        idea.created_at,
    )
    .await?;
    if let Some(at) = idea.submitted_at {
        let submitted = event(
            EventKind::Submitted,
            submitter.id,
            Some(IdeaState::Draft),
            IdeaState::Submitted,
        );
        db::events::record(db, submitted, at).await?;
    }
    if let Some(at) = idea.withdrawn_at {
        let from = if idea.submitted_at.is_some() {
            IdeaState::Submitted
        } else {
            IdeaState::Draft
        };
        db::events::record(
            db,
            event(EventKind::Withdrawn, submitter.id, Some(from), IdeaState::Withdrawn),
            at,
        )
        .await?;
    }
    // The jury's events (assignments, reviews, decisions) follow from `demo_jury`.
    if let Some(screening) = idea.screening {
        let (kind, to) = if screening.shortlisted {
            (EventKind::Shortlisted, IdeaState::Shortlisted)
        } else {
            (EventKind::Rejected, IdeaState::Rejected)
        };
        let screened = NewEvent {
            reason: screening.reason.map(|r| r.as_str().to_owned()),
            note: screening.note,
            ..event(kind, staff, Some(IdeaState::Submitted), to)
        };
        db::events::record(db, screened, screening.at).await?;
    }
    Ok(())
}
