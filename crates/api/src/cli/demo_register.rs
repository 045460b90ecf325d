//! The demo's register of sister cities, from the office's own history: six partnerships with their
//! histories, focal points and notes, the activities held with partner cities and with others, and the
//! two city networks the municipality belongs to.
//!
//! Barcelona, Florence and Kuala Lumpur were signed long ago, went quiet for years and were revived in
//! 1398–1399; nothing has been held with them since 2020, so the register flags them dormant by their
//! activity although their recorded state is active. Freiburg and Xi'an have activities in the last
//! few months and stay healthy. Everything is written as it is listed here (no randomness); dates of the
//! recent and the planned activities follow the day the seed runs.

use std::collections::BTreeMap;

use anyhow::{Context, anyhow};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use db::activities::ActivityContent;
use db::entities::{city, idea};
use db::networks::NewNetwork;
use db::partnerships::{NewStateChange, PartnershipFields};
use domain::activity::{ActivityDirection, ActivityKind, ActivityStatus};
use domain::idea::IdeaState;
use domain::partnership::{DormancyRule, FocalPoint, PartnershipKind, PartnershipState};
use sea_orm::sea_query::Order;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::demo_ideas::{TEHRAN, date};

/// A bilingual text: (Persian, English).
type Text = (&'static str, &'static str);

// ---------------------------------------------------------------------------------------------------------
// Cities the demo list lacks

struct ExtraCity {
    fa: &'static str,
    en: &'static str,
    country: &'static str,
    coordinates: (f64, f64),
}

/// Cities of activities that `demo_ideas` may not have entered: added, verified, when missing.
const EXTRA_CITIES: &[ExtraCity] = &[
    ExtraCity {
        fa: "سن‌پترزبورگ",
        en: "Saint Petersburg",
        country: "RU",
        coordinates: (59.9311, 30.3609),
    },
    ExtraCity {
        fa: "شانگهای",
        en: "Shanghai",
        country: "CN",
        coordinates: (31.2304, 121.4737),
    },
    ExtraCity {
        fa: "چنگدو",
        en: "Chengdu",
        country: "CN",
        coordinates: (30.5728, 104.0668),
    },
];

// ---------------------------------------------------------------------------------------------------------
// Partnerships

struct Contact {
    name: &'static str,
    role: &'static str,
    contact: &'static str,
}

struct Change {
    to: PartnershipState,
    on: NaiveDate,
    reason: &'static str,
}

struct PartnershipPlan {
    /// The city's English name in the demo list.
    city: &'static str,
    kind: PartnershipKind,
    signed_on: Option<NaiveDate>,
    recorded_on: NaiveDate,
    next_review_on: NaiveDate,
    /// The first entry is the state it was entered with.
    history: Vec<Change>,
    focal_points: [Contact; 2],
    notes: Text,
}

fn partnership_plans(today: NaiveDate) -> Vec<PartnershipPlan> {
    let day = |offset: i64| today + Duration::days(offset);
    let sister = |city, signed_on, history, next_review_on, focal_points, notes| PartnershipPlan {
        city,
        kind: PartnershipKind::SisterCity,
        signed_on: Some(signed_on),
        recorded_on: signed_on,
        next_review_on,
        history,
        focal_points,
        notes,
    };
    let samarkand_since = day(-270);
    vec![
        sister(
            "Barcelona",
            date(2000, 11, 20),
            vec![
                Change {
                    to: PartnershipState::Active,
                    on: date(2000, 11, 20),
                    reason: "سند خواهرخواندگی اصفهان و بارسلون در آبان ۱۳۷۹ به امضای شهرداران دو شهر رسید.",
                },
                Change {
                    to: PartnershipState::Dormant,
                    on: date(2008, 9, 1),
                    reason: "از سال ۱۳۸۵ هیچ برنامه مشترکی اجرا نشد و نامه‌های اداره کل بی‌پاسخ ماند؛ پیوند تا ازسرگیری گفت‌وگو راکد ثبت می‌شود.",
                },
                Change {
                    to: PartnershipState::Active,
                    on: date(2020, 7, 8),
                    reason: "در نشست برخط مدیران شهری اصفهان و بارسلون در تیر ۱۳۹۹ دو طرف بر ازسرگیری همکاری در زمینه شهر هوشمند توافق کردند.",
                },
            ],
            day(45),
            [
                Contact {
                    name: "مهسا کاظمی",
                    role: "کارشناس خواهرخواندگی، اداره کل روابط بین‌الملل شهرداری اصفهان",
                    contact: "m.kazemi@isfahan.example",
                },
                Contact {
                    name: "Núria Ferrer",
                    role: "International Relations, Barcelona City Council",
                    contact: "nferrer@bcn.example",
                },
            ],
            (
                "خواهرخوانده اصفهان از سال ۱۳۷۹. پس از سال‌ها رکود، در تیر ۱۳۹۹ با نشست برخط مدیران شهری احیا شد، اما از آن پس برنامه تازه‌ای اجرا نشده است و باید پیگیری شود.",
                "Sister city since 2000. Revived in July 2020 by an online meeting of city officials after years of silence, but nothing has been held since: it needs following up.",
            ),
        ),
        sister(
            "Florence",
            date(1998, 5, 12),
            vec![
                Change {
                    to: PartnershipState::Active,
                    on: date(1998, 5, 12),
                    reason: "سند خواهرخواندگی اصفهان و فلورانس در اردیبهشت ۱۳۷۷ امضا شد.",
                },
                Change {
                    to: PartnershipState::Dormant,
                    on: date(2012, 1, 15),
                    reason: "پس از نمایشگاه مشترک سال ۱۳۸۸ برنامه دیگری برگزار نشد و مکاتبه‌ها متوقف ماند؛ پیوند راکد ثبت می‌شود.",
                },
                Change {
                    to: PartnershipState::Active,
                    on: date(2020, 5, 27),
                    reason: "وبینار شهرداران اصفهان و فلورانس در خرداد ۱۳۹۹ برگزار شد و دو شهردار بر احیای خواهرخواندگی توافق کردند.",
                },
            ],
            day(20),
            [
                Contact {
                    name: "علی نوروزی",
                    role: "کارشناس ارشد روابط بین‌الملل شهرداری اصفهان",
                    contact: "a.nowruzi@isfahan.example",
                },
                Contact {
                    name: "Francesca Moretti",
                    role: "Ufficio Relazioni Internazionali, Comune di Firenze",
                    contact: "f.moretti@comune-firenze.example",
                },
            ],
            (
                "خواهرخوانده اصفهان از سال ۱۳۷۷. وبینار شهرداران در خرداد ۱۳۹۹ همکاری را احیا کرد. جشنواره مجازی هنر و انتقال دانش فنی تراموا در دست برنامه‌ریزی است، ولی از سال ۱۳۹۹ برنامه‌ای اجرا نشده است.",
                "Sister city since 1998. The mayors' webinar of May 2020 revived the tie. A virtual art festival and the transfer of tram know-how are being planned, but nothing has been held since 2020.",
            ),
        ),
        sister(
            "Kuala Lumpur",
            date(1997, 6, 10),
            vec![
                Change {
                    to: PartnershipState::Active,
                    on: date(1997, 6, 10),
                    reason: "تفاهم‌نامه خواهرخواندگی اصفهان و کوالالامپور در خرداد ۱۳۷۶ امضا شد.",
                },
                Change {
                    to: PartnershipState::Dormant,
                    on: date(2010, 3, 1),
                    reason: "با جابه‌جایی مدیران در هر دو شهرداری، همکاری‌ها از سال ۱۳۸۷ متوقف ماند؛ پیوند راکد ثبت می‌شود.",
                },
                Change {
                    to: PartnershipState::Active,
                    on: date(2019, 10, 23),
                    reason: "هیئت شهرداری اصفهان در آبان ۱۳۹۸ به کوالالامپور سفر کرد و با شهرداری آن شهر بر احیای خواهرخواندگی توافق شد.",
                },
            ],
            day(60),
            [
                Contact {
                    name: "حمید صالحی",
                    role: "کارشناس امور آسیا، اداره کل روابط بین‌الملل شهرداری اصفهان",
                    contact: "h.salehi@isfahan.example",
                },
                Contact {
                    name: "Siti Aminah Rahman",
                    role: "International Affairs Division, Kuala Lumpur City Hall",
                    contact: "siti.aminah@dbkl.example",
                },
            ],
            (
                "خواهرخوانده اصفهان از سال ۱۳۷۶. سفر هیئت اصفهان در آبان ۱۳۹۸ همکاری را احیا کرد؛ همکاری در گردشگری و صنایع دستی در دستور کار است.",
                "Sister city since 1997. The Isfahan delegation's visit of October 2019 revived the tie; cooperation on tourism and handicrafts is on the agenda.",
            ),
        ),
        sister(
            "Freiburg",
            date(2000, 10, 5),
            vec![Change {
                to: PartnershipState::Active,
                on: date(2000, 10, 5),
                reason: "سند خواهرخواندگی اصفهان و فرایبورگ در مهر ۱۳۷۹ امضا شد.",
            }],
            day(150),
            [
                Contact {
                    name: "نرگس امینی",
                    role: "کارشناس امور اروپا، اداره کل روابط بین‌الملل شهرداری اصفهان",
                    contact: "n.amini@isfahan.example",
                },
                Contact {
                    name: "Katrin Hoffmann",
                    role: "Städtepartnerschaften, Stadt Freiburg",
                    contact: "k.hoffmann@freiburg.example",
                },
            ],
            (
                "خواهرخوانده اصفهان از سال ۱۳۷۹ و از پرکارترین پیوندهای شهر. انجمن دوستی فرایبورگ و اصفهان پشتیبان بیشتر برنامه‌هاست. در همه‌گیری کرونا دو محموله کمک پزشکی فرستاد و محموله سوم در راه است.",
                "Sister city since 2000 and one of the city's liveliest ties. The Freiburg–Isfahan friendship association supports most programmes. It sent two shipments of medical aid during the COVID-19 pandemic, and a third is on its way.",
            ),
        ),
        sister(
            "Xi'an",
            date(1989, 5, 17),
            vec![Change {
                to: PartnershipState::Active,
                on: date(1989, 5, 17),
                reason: "سند خواهرخواندگی اصفهان و شی‌آن، دو شهر کهن جاده ابریشم، در اردیبهشت ۱۳۶۸ امضا شد.",
            }],
            day(200),
            [
                Contact {
                    name: "رضا حیدری",
                    role: "کارشناس امور آسیا، اداره کل روابط بین‌الملل شهرداری اصفهان",
                    contact: "r.heidari@isfahan.example",
                },
                Contact {
                    name: "Chen Jing",
                    role: "Foreign Affairs Office, Xi'an Municipal Government",
                    contact: "chen.jing@xa-fao.example",
                },
            ],
            (
                "کهن‌ترین پیوند خواهرخواندگی اصفهان در این فهرست (۱۳۶۸)، بر پایه پیشینه مشترک دو شهر در جاده ابریشم. در اسفند ۱۳۹۸ محموله کمک پزشکی فرستاد.",
                "The oldest sister-city tie in this register (1989), built on the two cities' shared Silk Road past. It sent a shipment of medical aid in March 2020.",
            ),
        ),
        PartnershipPlan {
            city: "Samarkand",
            kind: PartnershipKind::SisterCity,
            signed_on: None,
            recorded_on: samarkand_since,
            next_review_on: day(30),
            history: vec![Change {
                to: PartnershipState::InNegotiation,
                on: samarkand_since,
                reason: "شهرداری سمرقند پیشنهاد خواهرخواندگی اصفهان را پذیرفت و گفت‌وگو درباره متن تفاهم‌نامه آغاز شد.",
            }],
            focal_points: [
                Contact {
                    name: "سعید مرادی",
                    role: "کارشناس امور آسیای میانه، اداره کل روابط بین‌الملل شهرداری اصفهان",
                    contact: "s.moradi@isfahan.example",
                },
                Contact {
                    name: "Jasur Tursunov",
                    role: "International Relations, Samarkand City Administration",
                    contact: "j.tursunov@samarkand.example",
                },
            ],
            notes: (
                "گفت‌وگو درباره متن تفاهم‌نامه خواهرخواندگی جریان دارد و پیش‌نویس آن برای اظهارنظر به وزارت امور خارجه فرستاده شده است.",
                "The text of a sister-city agreement is under discussion; the draft has gone to the Ministry of Foreign Affairs for its opinion.",
            ),
        },
    ]
}

// ---------------------------------------------------------------------------------------------------------
// Activities

struct ActivityPlan {
    city: &'static str,
    on: NaiveDate,
    kind: ActivityKind,
    direction: ActivityDirection,
    status: ActivityStatus,
    title: Text,
    description: Text,
    outcomes: Option<Text>,
    /// The selected idea of the demo it grew from: a words of its title (it targets the same city).
    grew_from: Option<&'static str>,
}

fn activity_plans(today: NaiveDate) -> Vec<ActivityPlan> {
    use ActivityDirection::{Inbound, Joint, Outbound};
    use ActivityKind::{AidShipment, Exhibition, Festival, KnowledgeExchange, Visit, Webinar};
    use ActivityStatus::{Done, Planned, UnderWay};
    let day = |offset: i64| today + Duration::days(offset);
    let plan = |city, on, kind, direction, status, title, description, outcomes| ActivityPlan {
        city,
        on,
        kind,
        direction,
        status,
        title,
        description,
        outcomes,
        grew_from: None,
    };
    vec![
        // What two of the 1399 call's selected ideas became.
        ActivityPlan {
            grew_from: Some("مرمت بناهای تاریخی"),
            ..plan(
                "Freiburg",
                day(-25),
                KnowledgeExchange,
                Joint,
                Done,
                (
                    "کارگاه مشترک مرمت بناهای تاریخی با متخصصان فرایبورگ",
                    "Joint workshop on restoring historic buildings with Freiburg's specialists",
                ),
                (
                    "کارگاهی یک‌هفته‌ای در اصفهان که مرمت‌گران سازمان میراث فرهنگی و متخصصان دانشگاه فرایبورگ در آن روش‌های سنجش آسیب و تثبیت آجرکاری تاریخی را در مسجد جامع آزمودند.",
                    "A week-long workshop in Isfahan where restorers of the cultural heritage organisation and specialists of the University of Freiburg tried methods of surveying damage and consolidating historic brickwork at the Jameh Mosque.",
                ),
                Some((
                    "توافق بر پروژه پژوهشی مشترک سه‌ساله و آموزش ده مرمت‌گر جوان اصفهانی در فرایبورگ.",
                    "Agreement on a three-year joint research project and the training of ten young Isfahani restorers in Freiburg.",
                )),
            )
        },
        ActivityPlan {
            grew_from: Some("Student exchange"),
            ..plan(
                "Florence",
                day(200),
                KnowledgeExchange,
                Joint,
                Planned,
                (
                    "نخستین دوره تبادل دانشجویی دانشگاه اصفهان و دانشگاه فلورانس",
                    "The first student exchange between the University of Isfahan and the University of Florence",
                ),
                (
                    "بیست دانشجوی کارشناسی ارشد معماری و مرمت از هر دانشگاه یک نیم‌سال در شهر دیگر درس می‌خوانند.",
                    "Twenty master's students of architecture and restoration from each university spend a semester in the other city.",
                ),
                None,
            )
        },
        // Kuala Lumpur: revived in 1398, last heard of in 2020.
        plan(
            "Kuala Lumpur",
            date(2019, 10, 23),
            Visit,
            Outbound,
            Done,
            (
                "سفر هیئت شهرداری اصفهان به کوالالامپور",
                "Isfahan municipality's delegation visits Kuala Lumpur",
            ),
            (
                "هیئتی از شهرداری اصفهان به دعوت شهرداری کوالالامپور به این شهر سفر کرد و با مدیران شهرداری، اتاق بازرگانی و موزه هنرهای اسلامی مالزی دیدار کرد.",
                "A delegation of Isfahan municipality visited Kuala Lumpur at the invitation of Kuala Lumpur City Hall and met the city's managers, the chamber of commerce and the Islamic Arts Museum Malaysia.",
            ),
            Some((
                "توافق بر احیای خواهرخواندگی، تعیین نماینده رابط در هر دو شهرداری و برنامه‌ریزی برای نمایش صنایع دستی اصفهان در کوالالامپور.",
                "Agreement to revive the sister-city tie, a focal point named in each city hall, and plans to show Isfahan's handicrafts in Kuala Lumpur.",
            )),
        ),
        plan(
            "Kuala Lumpur",
            date(2020, 8, 12),
            Webinar,
            Joint,
            Done,
            (
                "وبینار گردشگری اصفهان و کوالالامپور پس از همه‌گیری",
                "Isfahan–Kuala Lumpur webinar on tourism after the pandemic",
            ),
            (
                "کارشناسان گردشگری دو شهر تجربه خود را در مدیریت گردشگری در دوران کرونا و برنامه‌های بازگشایی پس از آن در میان گذاشتند.",
                "Tourism officers of both cities shared how they managed tourism during COVID-19 and their plans for reopening.",
            ),
            Some((
                "تبادل راهنمای پروتکل‌های بهداشتی گردشگری و فهرست مشترکی از جاذبه‌ها برای معرفی در بازار گردشگری دو کشور.",
                "An exchange of health-protocol guides for tourism and a joint list of attractions to promote in both countries' tourism markets.",
            )),
        ),
        // Florence: the mayors' webinar, then plans only.
        plan(
            "Florence",
            date(2020, 5, 27),
            Webinar,
            Joint,
            Done,
            (
                "وبینار شهرداران اصفهان و فلورانس",
                "Webinar of the mayors of Isfahan and Florence",
            ),
            (
                "شهرداران اصفهان و فلورانس در نخستین دیدار برخط خود از تجربه دو شهر در اداره شهر در روزهای همه‌گیری کرونا گفتند و راه‌های ازسرگیری خواهرخواندگی را بررسی کردند.",
                "In their first online meeting, the mayors of Isfahan and Florence spoke of how each city was run during the COVID-19 pandemic and looked at ways to revive their sister-city tie.",
            ),
            Some((
                "توافق بر احیای خواهرخواندگی، تشکیل دو کارگروه فرهنگ و حمل‌ونقل شهری، و پیشنهاد برگزاری جشنواره مجازی هنر دو شهر.",
                "Agreement to revive the sister-city tie, two working groups set up (culture, urban transport), and the proposal of a joint virtual art festival.",
            )),
        ),
        plan(
            "Florence",
            day(75),
            Festival,
            Joint,
            Planned,
            (
                "جشنواره مجازی هنر اصفهان و فلورانس",
                "Isfahan–Florence virtual art festival",
            ),
            (
                "جشنواره‌ای برخط با آثار هنرمندان دو شهر در نگارگری، خوشنویسی، نقاشی و معماری، با همکاری گالری‌های اوفیتسی و موزه هنرهای معاصر اصفهان.",
                "An online festival of works by artists of both cities in miniature painting, calligraphy, painting and architecture, with the Uffizi Galleries and the Isfahan Museum of Contemporary Art.",
            ),
            None,
        ),
        plan(
            "Florence",
            day(130),
            KnowledgeExchange,
            Inbound,
            Planned,
            (
                "انتقال دانش فنی تراموای فلورانس به اصفهان",
                "Transfer of Florence's tram know-how to Isfahan",
            ),
            (
                "کارشناسان شرکت بهره‌بردار تراموای فلورانس تجربه خود را در طراحی و بهره‌برداری خطوط تراموا در بافت تاریخی شهر، در دوره‌ای آموزشی برای مهندسان حمل‌ونقل شهرداری اصفهان ارائه می‌کنند.",
                "Experts of Florence's tram operator will share their experience of designing and running tram lines in a historic centre, in a training course for Isfahan municipality's transport engineers.",
            ),
            None,
        ),
        // Barcelona: revived online in 1399, nothing since.
        plan(
            "Barcelona",
            date(2020, 7, 8),
            Webinar,
            Joint,
            Done,
            (
                "نشست برخط مدیران شهری اصفهان و بارسلون درباره شهر هوشمند",
                "Online meeting of Isfahan and Barcelona city officials on the smart city",
            ),
            (
                "مدیران شهری دو شهر درباره تجربه بارسلون در شهر هوشمند، داده‌های باز و طرح ابربلوک‌ها و برنامه‌های اصفهان در این زمینه گفت‌وگو کردند.",
                "City officials of both cities discussed Barcelona's experience of the smart city, open data and its superblocks, and Isfahan's plans in these fields.",
            ),
            Some((
                "توافق بر ازسرگیری خواهرخواندگی و دریافت مستندات طرح ابربلوک‌های بارسلون برای مطالعه در معاونت شهرسازی اصفهان.",
                "Agreement to resume the sister-city tie, and documents of Barcelona's superblocks received for study by Isfahan's urban planning department.",
            )),
        ),
        // Freiburg: the pandemic shipments, a third one now, and a recent webinar.
        plan(
            "Freiburg",
            date(2020, 4, 8),
            AidShipment,
            Inbound,
            Done,
            (
                "نخستین محموله کمک پزشکی فرایبورگ",
                "Freiburg's first shipment of medical aid",
            ),
            (
                "شهر فرایبورگ و انجمن دوستی فرایبورگ و اصفهان در روزهای اوج همه‌گیری کرونا محموله‌ای از ماسک، لباس محافظ و دستکش برای بیمارستان‌های اصفهان فرستادند.",
                "At the height of the COVID-19 pandemic, the city of Freiburg and the Freiburg–Isfahan friendship association sent masks, protective suits and gloves for Isfahan's hospitals.",
            ),
            Some((
                "اقلام به دانشگاه علوم پزشکی اصفهان تحویل و میان بیمارستان‌های ویژه بیماران کرونا پخش شد.",
                "The supplies were handed to Isfahan University of Medical Sciences and shared among the hospitals treating COVID-19 patients.",
            )),
        ),
        plan(
            "Freiburg",
            date(2020, 5, 16),
            AidShipment,
            Inbound,
            Done,
            (
                "دومین محموله کمک پزشکی فرایبورگ",
                "Freiburg's second shipment of medical aid",
            ),
            (
                "محموله دوم، با کمک بیمارستان دانشگاهی فرایبورگ، دستگاه‌های اکسیژن‌ساز و پایشگر علائم حیاتی را به اصفهان رساند.",
                "The second shipment, with the help of Freiburg's university hospital, brought oxygen concentrators and patient monitors to Isfahan.",
            ),
            Some((
                "دستگاه‌ها در بخش‌های مراقبت ویژه دو بیمارستان اصفهان نصب شد و شهردار اصفهان در نامه‌ای از شهردار فرایبورگ قدردانی کرد.",
                "The devices were installed in the intensive care units of two Isfahan hospitals, and Isfahan's mayor thanked Freiburg's mayor in a letter.",
            )),
        ),
        plan(
            "Freiburg",
            day(-18),
            AidShipment,
            Inbound,
            UnderWay,
            (
                "سومین محموله کمک پزشکی فرایبورگ",
                "Freiburg's third shipment of medical aid",
            ),
            (
                "محموله سوم، دستگاه‌های دیالیز اهدایی بیمارستان دانشگاهی فرایبورگ، از آلمان بارگیری شده و در راه اصفهان است.",
                "The third shipment, dialysis machines donated by Freiburg's university hospital, has left Germany and is on its way to Isfahan.",
            ),
            None,
        ),
        plan(
            "Freiburg",
            day(-62),
            Webinar,
            Joint,
            Done,
            (
                "وبینار «فرایبورگ، شهر سبز»: انرژی خورشیدی و محله‌های پایدار",
                "Webinar \"Freiburg Green City\": solar energy and sustainable neighbourhoods",
            ),
            (
                "کارشناسان شهرداری فرایبورگ تجربه محله ووبان، بام‌های خورشیدی و حمل‌ونقل دوچرخه‌محور را برای مدیران شهرسازی و محیط زیست شهرداری اصفهان شرح دادند.",
                "Officers of the city of Freiburg presented the Vauban district, solar roofs and cycling-first transport to Isfahan municipality's urban planning and environment managers.",
            ),
            Some((
                "فهرستی از سه طرح آزمایشی برای اصفهان: بام خورشیدی ساختمان‌های شهرداری، یک محله کم‌خودرو و گسترش مسیرهای دوچرخه در حاشیه زاینده‌رود.",
                "A list of three pilots for Isfahan: solar roofs on municipal buildings, a low-car neighbourhood and more cycle lanes along the Zayandeh Rud.",
            )),
        ),
        // Xi'an: the pandemic shipment and a recent delegation.
        plan(
            "Xi'an",
            date(2020, 3, 5),
            AidShipment,
            Inbound,
            Done,
            ("محموله کمک پزشکی شی‌آن", "Medical aid from Xi'an"),
            (
                "شهرداری شی‌آن در نخستین هفته‌های همه‌گیری کرونا محموله‌ای از ماسک، کیت تشخیص و لباس محافظ برای اصفهان فرستاد.",
                "In the first weeks of the COVID-19 pandemic, Xi'an's municipal government sent masks, test kits and protective suits to Isfahan.",
            ),
            Some((
                "اقلام به دانشگاه علوم پزشکی اصفهان تحویل شد و شهرداری اصفهان در پیامی از مردم شی‌آن سپاسگزاری کرد.",
                "The supplies were handed to Isfahan University of Medical Sciences, and Isfahan municipality thanked the people of Xi'an in a message.",
            )),
        ),
        plan(
            "Xi'an",
            day(-40),
            Visit,
            Inbound,
            Done,
            (
                "سفر هیئت گردشگری شی‌آن به اصفهان",
                "A tourism delegation from Xi'an visits Isfahan",
            ),
            (
                "هیئتی از دفتر امور خارجی و اداره گردشگری شی‌آن از میدان نقش جهان و بازار اصفهان دیدن کرد و با معاونت گردشگری شهرداری درباره مسیر گردشگری جاده ابریشم گفت‌وگو کرد.",
                "A delegation of Xi'an's foreign affairs and tourism offices toured Naqsh-e Jahan Square and the Isfahan bazaar and discussed a Silk Road tourist route with the municipality's tourism department.",
            ),
            Some((
                "توافق بر تهیه بسته گردشگری مشترک جاده ابریشم و معرفی متقابل دو شهر در نمایشگاه‌های گردشگری سال آینده.",
                "Agreement to prepare a joint Silk Road tour package and to promote each other's city at next year's tourism fairs.",
            )),
        ),
        // Paris is no partner: a cultural week all the same.
        plan(
            "Paris",
            date(2019, 10, 14),
            Festival,
            Outbound,
            Done,
            ("هفته فرهنگی اصفهان در پاریس", "Isfahan cultural week in Paris"),
            (
                "هفته فرهنگی اصفهان با همکاری انجمن دوستی ایران و فرانسه در پاریس برگزار شد: نمایشگاه صنایع دستی و نگارگری، اجرای موسیقی ایرانی و نشستی درباره معماری صفوی.",
                "Isfahan's cultural week was held in Paris with the Iran–France friendship association: an exhibition of handicrafts and miniature painting, Persian music concerts and a talk on Safavid architecture.",
            ),
            Some((
                "بیش از دو هزار بازدیدکننده، پوشش در رسانه‌های محلی پاریس و پیشنهاد انجمن برای برگزاری دوره بعدی.",
                "More than two thousand visitors, coverage in Paris's local media, and the association's offer to host the next edition.",
            )),
        ),
        // China: two exhibitions attended without sending staff.
        plan(
            "Shanghai",
            date(2019, 11, 5),
            Exhibition,
            Outbound,
            Done,
            (
                "صنایع دستی اصفهان در نمایشگاه بین‌المللی واردات چین، شانگهای",
                "Isfahan handicrafts at the China International Import Expo, Shanghai",
            ),
            (
                "آثار صنایع دستی اصفهان در غرفه ایران در نمایشگاه شانگهای به نمایش درآمد. شهرداری کارمندی اعزام نکرد و آثار را رایزنی بازرگانی ایران در شانگهای عرضه کرد.",
                "Isfahan handicrafts were shown at Iran's pavilion at the Shanghai expo. The municipality sent no staff; Iran's commercial attaché in Shanghai presented the works.",
            ),
            Some((
                "معرفی میناکاری، قلم‌زنی و خاتم اصفهان به خریداران چینی و دریافت چند درخواست خرید برای هنرمندان اصفهانی.",
                "Isfahan's enamel, metal engraving and marquetry introduced to Chinese buyers, and several purchase requests passed on to Isfahan's craftspeople.",
            )),
        ),
        plan(
            "Chengdu",
            date(2021, 10, 16),
            Exhibition,
            Outbound,
            Done,
            (
                "اصفهان در جشنواره بین‌المللی میراث فرهنگی ناملموس چنگدو",
                "Isfahan at the Chengdu International Intangible Cultural Heritage Festival",
            ),
            (
                "اصفهان، شهر جهانی صنایع دستی، با فرستادن آثار و فیلم‌هایی از کارگاه‌های هنرمندانش در این جشنواره شرکت کرد، بی‌آنکه کارمندی اعزام شود.",
                "Isfahan, a world city of crafts, took part in the festival by sending works and films from its craftspeople's workshops, without sending staff.",
            ),
            Some((
                "نمایش آثار در بخش بین‌المللی جشنواره و دعوت از اصفهان برای حضور در دوره بعدی.",
                "The works shown in the festival's international section, and an invitation for Isfahan to the next edition.",
            )),
        ),
        // Saint Petersburg: the universities' meeting, planned.
        plan(
            "Saint Petersburg",
            day(50),
            Visit,
            Outbound,
            Planned,
            (
                "دیدار دانشگاه‌های اصفهان و سن‌پترزبورگ",
                "Meeting of the universities of Isfahan and Saint Petersburg",
            ),
            (
                "رؤسای دانشگاه اصفهان و دانشگاه صنعتی اصفهان با دانشگاه دولتی سن‌پترزبورگ درباره تبادل دانشجو و استاد و دوره‌های مشترک زبان فارسی و روسی دیدار می‌کنند.",
                "The heads of the University of Isfahan and Isfahan University of Technology will meet Saint Petersburg State University on student and faculty exchange and joint Persian and Russian language courses.",
            ),
            None,
        ),
    ]
}

// ---------------------------------------------------------------------------------------------------------
// Networks

fn networks() -> Vec<NewNetwork> {
    let text = |s: &str| Some(s.to_owned());
    vec![
        NewNetwork {
            name: ("سازمان جهانی شهرهای هوشمند و پایدار (WeGO)".to_owned(), text("WeGO — World Smart Sustainable Cities Organization")),
            website: text("https://we-gov.org"),
            joined_on: Some(date(2011, 9, 14)),
            left_on: None,
            role: Some(("عضو".to_owned(), text("Member"))),
            notes: Some((
                "اصفهان از سال ۱۳۹۰ عضو این سازمان است و کارشناسانش در دوره‌های آموزشی شهر هوشمند و دولت الکترونیک آن شرکت می‌کنند.".to_owned(),
                text("Isfahan has been a member since 2011; its staff take part in the organization's training on smart cities and e-government."),
            )),
        },
        NewNetwork {
            name: ("شبکه جهانی شهرهای یادگیرنده یونسکو".to_owned(), text("UNESCO Global Network of Learning Cities")),
            website: text("https://www.uil.unesco.org/en/learning-cities"),
            joined_on: Some(date(2019, 9, 20)),
            left_on: None,
            role: Some(("شهر عضو".to_owned(), text("Member city"))),
            notes: Some((
                "اصفهان در سال ۱۳۹۸ به این شبکه پیوست؛ برنامه‌های آموزش همگانی و یادگیری مادام‌العمر شهر در گزارش سالانه به شبکه معرفی می‌شود.".to_owned(),
                text("Isfahan joined in 2019; the city's public education and lifelong learning programmes are reported to the network every year."),
            )),
        },
    ]
}

// ---------------------------------------------------------------------------------------------------------
// Writing it

/// The register as seeded, for the summary.
pub struct SeededRegister {
    /// How many partnerships are in each recorded state.
    pub partnerships: BTreeMap<PartnershipState, usize>,
    /// The partners flagged dormant by their activity (with the default 12 months), by English name.
    pub dormant: Vec<&'static str>,
    pub activities: usize,
    /// The cities added for activities (missing from the demo list).
    pub cities_added: Vec<&'static str>,
    /// The titles of the selected ideas that activities grew from.
    pub ideas_achieved: Vec<String>,
    pub networks: usize,
}

/// Writes the register: partnerships with their histories, activities, and network memberships.
/// `staff` is the demo staff account, recorded as the author of every entry.
pub async fn seed(db: &impl ConnectionTrait, staff: Uuid, now: DateTime<Utc>) -> anyhow::Result<SeededRegister> {
    let today = now.with_timezone(&TEHRAN).date_naive();
    let mut cities_added = Vec::new();
    for extra in EXTRA_CITIES {
        if find_city(db, extra.en).await?.is_none() {
            let new = db::cities::NewCity {
                name_fa: extra.fa.to_owned(),
                name_en: Some(extra.en.to_owned()),
                country: extra.country.to_owned(),
                coordinates: Some(extra.coordinates),
                verified: true,
                created_by: Some(staff),
            };
            db::cities::insert(db, new, now).await?;
            cities_added.push(extra.en);
        }
    }

    let mut partnerships = BTreeMap::new();
    let plans = partnership_plans(today);
    for plan in &plans {
        let city_id = demo_city(db, plan.city).await?;
        let state = write_partnership(db, city_id, plan, staff, now).await?;
        *partnerships.entry(state).or_insert(0) += 1;
    }

    let activities = activity_plans(today);
    let mut ideas_achieved = Vec::new();
    for plan in &activities {
        let city_id = demo_city(db, plan.city).await?;
        let idea = match plan.grew_from {
            Some(words) => Some(selected_idea(db, city_id, words).await?),
            None => None,
        };
        let content = ActivityContent {
            city_id,
            occurred_on: plan.on,
            kind: plan.kind,
            direction: plan.direction,
            title: (plan.title.0.to_owned(), Some(plan.title.1.to_owned())),
            description: Some((plan.description.0.to_owned(), Some(plan.description.1.to_owned()))),
            outcomes: plan.outcomes.map(|o| (o.0.to_owned(), Some(o.1.to_owned()))),
            idea_id: idea.as_ref().map(|idea| idea.id),
        };
        ideas_achieved.extend(idea.map(|idea| idea.title));
        db::activities::insert(db, content, plan.status, Some(staff), now).await?;
    }

    let networks = networks();
    let network_count = networks.len();
    for network in networks {
        db::networks::insert(db, network, now).await?;
    }

    Ok(SeededRegister {
        partnerships,
        dormant: dormant_by_activity(&plans, &activities, today),
        activities: activities.len(),
        cities_added,
        ideas_achieved,
        networks: network_count,
    })
}

/// Enters the partnership with its first state, then its later changes in order; its last state.
async fn write_partnership(
    db: &impl ConnectionTrait,
    city_id: Uuid,
    plan: &PartnershipPlan,
    staff: Uuid,
    now: DateTime<Utc>,
) -> anyhow::Result<PartnershipState> {
    let focal_points: Vec<FocalPoint> = plan
        .focal_points
        .iter()
        .map(|c| FocalPoint {
            name: c.name.to_owned(),
            role: Some(c.role.to_owned()),
            contact: Some(c.contact.to_owned()),
        })
        .collect();
    let fields = PartnershipFields {
        kind: plan.kind,
        signed_on: plan.signed_on,
        next_review_on: Some(plan.next_review_on),
        focal_points,
        notes: Some((plan.notes.0.to_owned(), Some(plan.notes.1.to_owned()))),
    };
    let (first, later) = plan
        .history
        .split_first()
        .with_context(|| format!("the history of the partnership with {}", plan.city))?;
    let change = |c: &Change| NewStateChange {
        to: c.to,
        effective_on: c.on,
        reason: Some(c.reason.to_owned()),
        actor_id: Some(staff),
    };
    let partnership = db::partnerships::insert(db, city_id, fields, change(first), plan.recorded_on, now).await?;
    let (mut state, mut version) = (first.to, partnership.version);
    for next in later {
        let changed = db::partnerships::change_state(db, partnership.id, version, state, change(next), now).await?;
        anyhow::ensure!(
            changed,
            "the partnership with {} changed while it was seeded",
            plan.city
        );
        (state, version) = (next.to, version + 1);
    }
    Ok(state)
}

/// The partners whose last sign of life — activity under way or done, else signing, else the record —
/// lies more than the default dormancy period back.
fn dormant_by_activity(plans: &[PartnershipPlan], activities: &[ActivityPlan], today: NaiveDate) -> Vec<&'static str> {
    plans
        .iter()
        .filter(|plan| {
            let last = activities
                .iter()
                .filter(|a| a.city == plan.city && domain::activity::counts_for_health(a.status, a.on, today))
                .map(|a| a.on)
                .max();
            let (_, basis_on) = domain::partnership::health_basis(last, plan.signed_on, plan.recorded_on);
            DormancyRule::default().is_dormant(basis_on, today)
        })
        .map(|plan| plan.city)
        .collect()
}

/// The city with this English name, if there is one (the earliest entered).
async fn find_city(db: &impl ConnectionTrait, name_en: &str) -> anyhow::Result<Option<Uuid>> {
    let city = city::Entity::find()
        .filter(city::Column::NameEn.eq(name_en))
        .order_by(city::Column::CreatedAt, Order::Asc)
        .order_by(city::Column::Id, Order::Asc)
        .one(db)
        .await?;
    Ok(city.map(|c| c.id))
}

/// A city the demo must have entered already.
async fn demo_city(db: &impl ConnectionTrait, name_en: &str) -> anyhow::Result<Uuid> {
    find_city(db, name_en)
        .await?
        .ok_or_else(|| anyhow!("the demo city {name_en} is missing: the register's demo needs it"))
}

/// The demo's selected idea targeting `city` whose title contains `words`: only a selected idea may be
/// named as an activity's origin.
async fn selected_idea(db: &impl ConnectionTrait, city: Uuid, words: &str) -> anyhow::Result<idea::Model> {
    idea::Entity::find()
        .filter(idea::Column::State.eq(IdeaState::Selected.as_str()))
        .filter(idea::Column::TargetCityId.eq(city))
        .order_by(idea::Column::CreatedAt, Order::Asc)
        .all(db)
        .await?
        .into_iter()
        .find(|idea| idea.title.contains(words))
        .with_context(|| format!("the demo has no selected idea «{words}» for an activity to grow from"))
}
