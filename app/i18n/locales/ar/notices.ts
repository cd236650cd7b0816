// Arabic: a member's notices, offers, reminders. Draft: needs native review.
import type { Catalog } from "../nb";

export default {
  notices: {
    meta: { title: "الإشعارات" },
    title: "الإشعارات",
    intro: "رسائل منا عن أنشطتك. لا يراها أحد غيرك، عندما تكونين مسجلة الدخول.",
    empty: "لا توجد إشعارات الآن. عندما تحصلين على مكان أو يتغير شيء أو يحين وقت التذكير، سيظهر هنا.",
    headerLink: "الإشعارات",
    headerUnread: "غير مقروءة: {{n}}",
    unread: "جديد",
    open: "عرض النشاط",
    markRead: "تحديد كمقروء",
    markAllRead: "تحديد الكل كمقروء",
    delete: "حذف",
    deleted: "تم حذف الإشعار.",
    allRead: "تم تحديد كل الإشعارات كمقروءة.",
    /** on My page, where push settings used to be */
    meLink: "يمكنكِ تشغيل الإشعارات على هذا الجهاز أو إيقافها في صفحة الإشعارات.",
    kind: {
      promoted: "حصلتِ على مكان: {{title}}، {{when}}.",
      offered: "يُعرض عليكِ مكان: {{title}}، {{when}}. أجيبي قبل {{until}}.",
      offer_expired: "انتهى عرض المكان: {{title}}. يمكنكِ الانضمام إلى قائمة الانتظار مرة أخرى.",
      changed_time: "تغيّر الوقت: {{title}}. الآن {{when}}.",
      changed_place: "تغيّر المكان: {{title}}، {{when}}.",
      changed_both: "تغيّر الوقت والمكان: {{title}}. الآن {{when}}.",
      cancelled: "أُلغي: {{title}}، {{when}}.",
      cancelledReason: "السبب: {{reason}}",
      restored: "لم يعد ملغى: {{title}}، {{when}}. إجابتك كما كانت.",
      reminder: "تذكير: {{title}}، {{when}}.",
      hidden: "تغيّر شيء في نشاط لم تعودي ترينه.",
    },
    /** a push on a device that chose details: title and what happened, never a time or place */
    pushDetail: {
      promoted: "{{title}}: حصلتِ على مكان",
      offered: "{{title}}: يُعرض عليكِ مكان",
      offer_expired: "{{title}}: انتهى عرض المكان",
      changed_time: "{{title}}: تغيّر الوقت",
      changed_place: "{{title}}: تغيّر المكان",
      changed_both: "{{title}}: تغيّر الوقت والمكان",
      cancelled: "{{title}}: أُلغي",
      restored: "{{title}}: لم يعد ملغى",
      reminder: "{{title}}: تذكير",
    },
    offer: {
      title: "يُعرض عليكِ مكان",
      text: "المكان محجوز لكِ حتى {{until}}. هل ستأتين؟",
      accept: "نعم، سآتي",
      decline: "لا، أعطوه للتالية",
    },
    coming: "أنتِ قادمة. العنوان في الأسفل.",
    cancelReasonLabel: "السبب:",
    reminders: {
      legend: "التذكيرات",
      hint: "إشعار هنا في التطبيق قبل الأنشطة التي ستذهبين إليها.",
      none: "بدون تذكيرات",
      day_before: "في اليوم السابق (قبل البداية بيوم)",
      two_hours: "قبل ساعتين",
      save: "حفظ التذكيرات",
      saved: "تم حفظ التذكيرات.",
    },
  },
} satisfies Pick<Catalog, "notices">;
