// Labels for the contract's enums, typed by it: a new value fails the build until it has a label in both locales.
import type { Schema } from '@/lib/api/types';

type Labels<Name extends keyof EnumNames> = Record<EnumNames[Name], string>;
type EnumNames = {
  ActivityDirection: Schema<'ActivityDirection'>;
  ActivityKind: Schema<'ActivityKind'>;
  ActivityStatus: Schema<'ActivityStatus'>;
  AssignmentState: Schema<'AssignmentState'>;
  CallPhase: Schema<'CallPhase'>;
  ConflictSource: Schema<'ConflictSource'>;
  DecisionOutcome: Schema<'DecisionOutcome'>;
  Domain: Schema<'Domain'>;
  EventKind: Schema<'EventKind'>;
  HealthBasis: Schema<'HealthBasis'>;
  IdeaState: Schema<'IdeaState'>;
  Locale: Schema<'Locale'>;
  OccupationCategory: Schema<'OccupationCategory'>;
  Organisation: Schema<'Organisation'>;
  PartnershipKind: Schema<'PartnershipKind'>;
  PartnershipState: Schema<'PartnershipState'>;
  Recommendation: Schema<'Recommendation'>;
  Role: Schema<'Role'>;
  Rule: Schema<'Rule'>;
  ScreeningDecision: Schema<'ScreeningDecision'>;
  ScreeningReason: Schema<'ScreeningReason'>;
  TieKind: Schema<'TieKind'>;
};
type EnumLabels = { [Name in keyof EnumNames]: Labels<Name> };

export const enumsFa = {
  ActivityDirection: { inbound: 'ورودی', outbound: 'خروجی', joint: 'مشترک' },
  ActivityKind: {
    webinar: 'وبینار',
    visit: 'بازدید',
    festival: 'جشنواره',
    exhibition: 'نمایشگاه',
    aid_shipment: 'ارسال کمک',
    knowledge_exchange: 'تبادل دانش',
    agreement: 'توافق‌نامه',
    other: 'دیگر',
  },
  ActivityStatus: { planned: 'برنامه‌ریزی‌شده', under_way: 'در جریان', done: 'انجام‌شده', cancelled: 'لغوشده' },
  AssignmentState: { pending: 'در انتظار', submitted: 'ثبت‌شده', declined: 'ردشده' },
  CallPhase: {
    upcoming: 'به‌زودی',
    open: 'باز',
    closed: 'بسته',
    in_review: 'در داوری',
    decided: 'تصمیم‌گیری‌شده',
  },
  ConflictSource: { reviewer: 'اعلام داور', staff: 'ثبت کارشناس' },
  DecisionOutcome: { selected: 'برگزیده', not_selected: 'برگزیده نشد' },
  Domain: {
    cultural: 'فرهنگی',
    economic: 'اقتصادی',
    scientific: 'علمی',
    tourism: 'گردشگری',
    urban_services: 'خدمات شهری',
    sports: 'ورزشی',
    media: 'رسانه‌ای',
    health_and_crisis_relief: 'سلامت و امداد',
    other: 'دیگر',
  },
  EventKind: {
    created: 'پیش‌نویس ساخته شد',
    submitted: 'ارسال شد',
    withdrawn: 'پس گرفته شد',
    shortlisted: 'به فهرست کوتاه رفت',
    rejected: 'رد شد',
    screening_reopened: 'غربالگری بازگشایی شد',
    call_created: 'فراخوان ساخته شد',
    call_updated: 'فراخوان ویرایش شد',
    window_moved: 'بازهٔ زمانی جابه‌جا شد',
    closed_early: 'زودتر بسته شد',
    assigned: 'به داور سپرده شد',
    unassigned: 'از داور پس گرفته شد',
    conflict_recorded: 'تعارض منافع ثبت شد',
    review_submitted: 'داوری ثبت شد',
    review_started: 'داوری آغاز شد',
    reviews_complete: 'داوری‌ها کامل شد',
    review_resumed: 'داوری از سر گرفته شد',
    returned_to_shortlist: 'به فهرست کوتاه بازگشت',
    decision_recorded: 'تصمیم ثبت شد',
    decision_published: 'نتیجه منتشر شد',
    rubric_updated: 'معیارهای داوری ویرایش شد',
    rubric_reopened: 'معیارهای داوری بازگشایی شد',
    decisions_published: 'تصمیم‌ها منتشر شد',
  },
  HealthBasis: { last_activity: 'آخرین فعالیت', signing: 'تاریخ امضا', record: 'تاریخ ثبت' },
  IdeaState: {
    draft: 'پیش‌نویس',
    submitted: 'ارسال‌شده',
    withdrawn: 'پس‌گرفته',
    shortlisted: 'فهرست کوتاه',
    rejected: 'ردشده',
    in_review: 'در داوری',
    reviewed: 'داوری‌شده',
    selected: 'برگزیده',
    not_selected: 'برگزیده نشد',
  },
  Locale: { fa: 'فارسی', en: 'English' },
  OccupationCategory: {
    trader: 'بازرگان',
    academic: 'دانشگاهی',
    student: 'دانشجو',
    athlete: 'ورزشکار',
    artist_or_cultural_activist: 'هنرمند یا فعال فرهنگی',
    media_activist: 'فعال رسانه‌ای',
    other: 'دیگر',
  },
  Organisation: {
    foreign_ministry: 'وزارت امور خارجه',
    council_research_centre: 'مرکز پژوهش‌های شورا',
    university: 'دانشگاه',
    chamber_of_commerce: 'اتاق بازرگانی',
    municipality: 'شهرداری',
    other: 'دیگر',
  },
  PartnershipKind: { sister_city: 'خواهرخوانده', friendship_city: 'شهر دوست', memorandum: 'تفاهم‌نامه' },
  PartnershipState: {
    in_negotiation: 'در گفت‌وگو',
    active: 'فعال',
    dormant: 'راکد',
    suspended: 'تعلیق‌شده',
    ended: 'پایان‌یافته',
  },
  Recommendation: { select: 'برگزیده شود', discuss: 'گفت‌وگو شود', do_not_select: 'برگزیده نشود' },
  Role: { reviewer: 'داور', staff: 'کارشناس', admin: 'مدیر' },
  Rule: {
    reviewers_per_idea: 'شمار داوران هر ایده',
    organisation_diversity: 'گوناگونی سازمان‌ها',
    load_balance: 'توازن بار داوری',
    expertise: 'تخصص',
  },
  ScreeningDecision: { shortlist: 'فهرست کوتاه', reject: 'رد' },
  ScreeningReason: {
    out_of_scope: 'بیرون از موضوع فراخوان',
    incomplete: 'ناقص',
    duplicate: 'تکراری',
    not_feasible: 'شدنی نیست',
    outside_policy_framework: 'بیرون از چارچوب سیاست‌ها',
    other: 'دیگر',
  },
  TieKind: {
    family: 'خانوادگی',
    study: 'تحصیلی',
    work: 'کاری',
    trade: 'بازرگانی',
    academic: 'دانشگاهی',
    cultural: 'فرهنگی',
    sports: 'ورزشی',
    media: 'رسانه‌ای',
    diaspora: 'ایرانیان خارج از کشور',
    other: 'دیگر',
  },
} satisfies EnumLabels;

export const enumsEn: typeof enumsFa = {
  ActivityDirection: { inbound: 'Inbound', outbound: 'Outbound', joint: 'Joint' },
  ActivityKind: {
    webinar: 'Webinar',
    visit: 'Visit',
    festival: 'Festival',
    exhibition: 'Exhibition',
    aid_shipment: 'Aid shipment',
    knowledge_exchange: 'Knowledge exchange',
    agreement: 'Agreement',
    other: 'Other',
  },
  ActivityStatus: { planned: 'Planned', under_way: 'Under way', done: 'Done', cancelled: 'Cancelled' },
  AssignmentState: { pending: 'Pending', submitted: 'Submitted', declined: 'Declined' },
  CallPhase: { upcoming: 'Upcoming', open: 'Open', closed: 'Closed', in_review: 'In review', decided: 'Decided' },
  ConflictSource: { reviewer: 'Declared by the reviewer', staff: 'Recorded by staff' },
  DecisionOutcome: { selected: 'Selected', not_selected: 'Not selected' },
  Domain: {
    cultural: 'Culture',
    economic: 'Economy',
    scientific: 'Science',
    tourism: 'Tourism',
    urban_services: 'Urban services',
    sports: 'Sports',
    media: 'Media',
    health_and_crisis_relief: 'Health and crisis relief',
    other: 'Other',
  },
  EventKind: {
    created: 'Draft created',
    submitted: 'Submitted',
    withdrawn: 'Withdrawn',
    shortlisted: 'Shortlisted',
    rejected: 'Rejected',
    screening_reopened: 'Screening reopened',
    call_created: 'Call created',
    call_updated: 'Call updated',
    window_moved: 'Window moved',
    closed_early: 'Closed early',
    assigned: 'Assigned to a reviewer',
    unassigned: 'Unassigned',
    conflict_recorded: 'Conflict of interest recorded',
    review_submitted: 'Review submitted',
    review_started: 'Review started',
    reviews_complete: 'Reviews complete',
    review_resumed: 'Review resumed',
    returned_to_shortlist: 'Returned to the shortlist',
    decision_recorded: 'Decision recorded',
    decision_published: 'Result published',
    rubric_updated: 'Rubric updated',
    rubric_reopened: 'Rubric reopened',
    decisions_published: 'Decisions published',
  },
  HealthBasis: { last_activity: 'Last activity', signing: 'Signing date', record: 'Record date' },
  IdeaState: {
    draft: 'Draft',
    submitted: 'Submitted',
    withdrawn: 'Withdrawn',
    shortlisted: 'Shortlisted',
    rejected: 'Rejected',
    in_review: 'In review',
    reviewed: 'Reviewed',
    selected: 'Selected',
    not_selected: 'Not selected',
  },
  Locale: { fa: 'فارسی', en: 'English' },
  OccupationCategory: {
    trader: 'Trader',
    academic: 'Academic',
    student: 'Student',
    athlete: 'Athlete',
    artist_or_cultural_activist: 'Artist or cultural activist',
    media_activist: 'Media activist',
    other: 'Other',
  },
  Organisation: {
    foreign_ministry: 'Foreign ministry',
    council_research_centre: "City council's research centre",
    university: 'University',
    chamber_of_commerce: 'Chamber of commerce',
    municipality: 'Municipality',
    other: 'Other',
  },
  PartnershipKind: { sister_city: 'Sister city', friendship_city: 'Friendship city', memorandum: 'Memorandum' },
  PartnershipState: {
    in_negotiation: 'In negotiation',
    active: 'Active',
    dormant: 'Dormant',
    suspended: 'Suspended',
    ended: 'Ended',
  },
  Recommendation: { select: 'Select', discuss: 'Discuss', do_not_select: 'Do not select' },
  Role: { reviewer: 'Reviewer', staff: 'Staff', admin: 'Admin' },
  Rule: {
    reviewers_per_idea: 'Reviewers per idea',
    organisation_diversity: 'Organisation diversity',
    load_balance: 'Load balance',
    expertise: 'Expertise',
  },
  ScreeningDecision: { shortlist: 'Shortlist', reject: 'Reject' },
  ScreeningReason: {
    out_of_scope: 'Out of scope',
    incomplete: 'Incomplete',
    duplicate: 'Duplicate',
    not_feasible: 'Not feasible',
    outside_policy_framework: 'Outside the policy framework',
    other: 'Other',
  },
  TieKind: {
    family: 'Family',
    study: 'Study',
    work: 'Work',
    trade: 'Trade',
    academic: 'Academic',
    cultural: 'Cultural',
    sports: 'Sports',
    media: 'Media',
    diaspora: 'Diaspora',
    other: 'Other',
  },
};
