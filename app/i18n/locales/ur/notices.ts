// Urdu: a member's notices, offers, reminders. Draft: needs native review.
import type { Catalog } from "../nb";

export default {
  notices: {
    meta: { title: "اطلاعات" },
    title: "اطلاعات",
    intro: "آپ کی سرگرمیوں کے بارے میں ہماری طرف سے پیغامات۔ جب آپ سائن اِن ہوں، صرف آپ انہیں دیکھتی ہیں۔",
    empty: "ابھی کوئی اطلاع نہیں۔ جب آپ کو جگہ ملے، کچھ بدلے یا یاد دہانی کا وقت ہو، تو یہاں نظر آئے گا۔",
    headerLink: "اطلاعات",
    headerUnread: "{{n}} نہ پڑھی گئیں",
    unread: "نئی",
    open: "سرگرمی دیکھیں",
    markRead: "پڑھی ہوئی نشان زد کریں",
    markAllRead: "سب کو پڑھی ہوئی نشان زد کریں",
    delete: "حذف کریں",
    deleted: "اطلاع حذف ہو گئی۔",
    allRead: "تمام اطلاعات پڑھی ہوئی نشان زد ہو گئیں۔",
    /** on My page, where push settings used to be */
    meLink: "اس آلے پر اطلاعات آن یا آف کرنے کے لیے اطلاعات کا صفحہ کھولیں۔",
    kind: {
      promoted: "آپ کو جگہ مل گئی: {{title}}، {{when}}۔",
      offered: "آپ کو ایک جگہ کی پیشکش ہے: {{title}}، {{when}}۔ {{until}} تک جواب دیں۔",
      offer_expired: "جگہ کی پیشکش ختم ہو گئی: {{title}}۔ آپ دوبارہ انتظار کی فہرست میں شامل ہو سکتی ہیں۔",
      changed_time: "وقت بدل گیا: {{title}}۔ اب {{when}}۔",
      changed_place: "جگہ بدل گئی: {{title}}، {{when}}۔",
      changed_both: "وقت اور جگہ بدل گئے: {{title}}۔ اب {{when}}۔",
      cancelled: "منسوخ: {{title}}، {{when}}۔",
      cancelledReason: "وجہ: {{reason}}",
      restored: "دوبارہ بحال: {{title}}، {{when}}۔ آپ کا جواب پہلے جیسا ہے۔",
      reminder: "یاد دہانی: {{title}}، {{when}}۔",
      hidden: "ایک ایسی سرگرمی میں کچھ بدلا ہے جو اب آپ کو نظر نہیں آتی۔",
    },
    /** a push on a device that chose details: title and what happened, never a time or place */
    pushDetail: {
      promoted: "{{title}}: آپ کو جگہ مل گئی",
      offered: "{{title}}: آپ کو ایک جگہ کی پیشکش ہے",
      offer_expired: "{{title}}: جگہ کی پیشکش ختم ہو گئی",
      changed_time: "{{title}}: وقت بدل گیا",
      changed_place: "{{title}}: جگہ بدل گئی",
      changed_both: "{{title}}: وقت اور جگہ بدل گئے",
      cancelled: "{{title}}: منسوخ",
      restored: "{{title}}: دوبارہ بحال",
      reminder: "{{title}}: یاد دہانی",
    },
    offer: {
      title: "آپ کو ایک جگہ کی پیشکش ہے",
      text: "یہ جگہ {{until}} تک آپ کے لیے رکھی گئی ہے۔ کیا آپ آئیں گی؟",
      accept: "ہاں، میں آؤں گی",
      decline: "نہیں، اگلی کو دے دیں",
    },
    coming: "آپ آ رہی ہیں۔ پتہ نیچے ہے۔",
    cancelReasonLabel: "وجہ:",
    reminders: {
      legend: "یاد دہانیاں",
      hint: "جن سرگرمیوں میں آپ جا رہی ہیں، ان سے پہلے یہاں ایپ میں ایک اطلاع۔",
      none: "کوئی یاد دہانی نہیں",
      day_before: "ایک دن پہلے (شروع سے ایک دن پہلے)",
      two_hours: "دو گھنٹے پہلے",
      save: "یاد دہانیاں محفوظ کریں",
      saved: "یاد دہانیاں محفوظ ہو گئیں۔",
    },
  },
} satisfies Pick<Catalog, "notices">;
