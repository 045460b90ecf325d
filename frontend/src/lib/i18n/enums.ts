// Labels for the contract's enums, typed by it: a new value fails the build until it has a label in both locales.
// Persian here; English in enums.en.ts, a module of its own so that each language's words load apart.
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
  DeliveryState: Schema<'DeliveryState'>;
  Domain: Schema<'Domain'>;
  EventKind: Schema<'EventKind'>;
  FileKind: Schema<'FileKind'>;
  HealthBasis: Schema<'HealthBasis'>;
  IdeaState: Schema<'IdeaState'>;
  Locale: Schema<'Locale'>;
  NoticeKind: Schema<'NoticeKind'>;
  OccupationCategory: Schema<'OccupationCategory'>;
  Organisation: Schema<'Organisation'>;
  PartnershipKind: Schema<'PartnershipKind'>;
  PartnershipState: Schema<'PartnershipState'>;
  Recommendation: Schema<'Recommendation'>;
  Role: Schema<'Role'>;
  Rule: Schema<'Rule'>;
  ScreeningDecision: Schema<'ScreeningDecision'>;
  ScreeningReason: Schema<'ScreeningReason'>;
  SubjectKind: Schema<'SubjectKind'>;
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
  DeliveryState: { pending: 'در صف', sent: 'فرستاده‌شده', dead: 'ناموفق' },
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
    account_created: 'حساب ساخته شد',
    access_changed: 'نقش‌ها یا وضعیت حساب تغییر کرد',
    password_link_issued: 'پیوند تعیین گذرواژه صادر شد',
    password_set: 'گذرواژه تعیین شد',
    profile_updated: 'نمایه ویرایش شد',
    city_added: 'شهر افزوده شد',
    city_updated: 'شهر ویرایش شد',
    cities_merged: 'شهرهای تکراری ادغام شد',
    partnership_recorded: 'خواهرخواندگی ثبت شد',
    partnership_updated: 'خواهرخواندگی ویرایش شد',
    partnership_state_changed: 'وضعیت خواهرخواندگی تغییر کرد',
    activity_added: 'فعالیت افزوده شد',
    activity_updated: 'فعالیت ویرایش شد',
    network_created: 'شبکه افزوده شد',
    network_updated: 'شبکه ویرایش شد',
    reviewer_added: 'داور افزوده شد',
    reviewer_updated: 'داور ویرایش شد',
    second_factor_enrolled: 'تأیید دومرحله‌ای روشن شد',
    second_factor_disabled: 'تأیید دومرحله‌ای خاموش شد',
    second_factor_reset: 'تأیید دومرحله‌ای را مدیر بازنشانی کرد',
    recovery_codes_renewed: 'کدهای بازیابی تازه ساخته شد',
    recovery_code_used: 'با کد بازیابی وارد شد',
    export_downloaded: 'خروجی دانلود شد',
    sessions_ended: 'نشست‌ها بسته شد',
    email_verified: 'نشانی رایانامه تأیید شد',
    api_key_issued: 'کلید API ساخته شد',
    api_key_revoked: 'کلید API باطل شد',
    webhook_endpoint_created: 'مقصد وب‌هوک ثبت شد',
    webhook_endpoint_updated: 'مقصد وب‌هوک تغییر کرد',
    webhook_endpoint_deleted: 'مقصد وب‌هوک حذف شد',
    webhook_secret_rotated: 'رمز امضای وب‌هوک تازه شد',
    webhook_endpoint_disabled: 'مقصد وب‌هوک خودبه‌خود خاموش شد',
    file_added: 'پرونده افزوده شد',
    file_removed: 'پرونده حذف شد',
  },
  FileKind: { proposal: 'سند ایده', evidence: 'مدرک پیوند', record: 'سند' },
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
  NoticeKind: {
    verify_email: 'تأیید نشانی رایانامه',
    password_reset: 'پیوند بازنشانی گذرواژه',
    password_changed: 'تغییر گذرواژه',
    second_factor_changed: 'تغییر تأیید دومرحله‌ای',
    reviewer_invitation: 'دعوت به هیئت داوران',
    idea_received: 'رسید ایده‌هایی که می‌فرستید',
    idea_screened: 'نتیجهٔ غربالگری ایده‌های شما',
    draft_reminder: 'یادآوری پیش‌نویس‌ها پیش از بسته شدن فراخوان',
    decision_published: 'تصمیم نهایی دربارهٔ ایده‌های شما',
    assignments_made: 'ایده‌هایی که برای داوری به شما سپرده می‌شود',
    review_reminder: 'یادآوری داوری‌های مانده',
    call_digest: 'گزارش روزانهٔ فراخوان‌ها برای کارشناسان',
    webhook_disabled: 'خاموش شدن مقصدهای وب‌هوک، برای مدیران',
  },
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
    connected: 'پیوستگی هیئت داوران',
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
  SubjectKind: {
    call: 'فراخوان',
    idea: 'ایده',
    account: 'حساب',
    profile: 'نمایه',
    city: 'شهر',
    partnership: 'پیوند',
    activity: 'فعالیت',
    network: 'شبکه',
    reviewer: 'داور',
    api_key: 'کلید API',
    webhook_endpoint: 'مقصد وب‌هوک',
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
