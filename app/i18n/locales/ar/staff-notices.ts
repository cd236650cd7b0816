// Arabic, staff pages only: cancelling with care, undo, offers held. Draft: needs native review.
export default {
  staffNotices: {
    cancelExplain:
      "كل من سيأتي أو عُرض عليه مكان أو على قائمة الانتظار يتلقى إشعارًا بالسبب. يمكنك التراجع خلال يوم واحد (وقبل البداية).",
    reasonLabel: "السبب (يراه الأعضاء)",
    reasonHint: "بكلمات بسيطة، مثلًا «نعتذر، المسؤولة مريضة». {{max}} حرفًا على الأكثر.",
    confirmLabel: "نعم، ألغِ النشاط وأبلغ الجميع",
    reasonShown: "السبب:",
    undoHeading: "التراجع عن الإلغاء",
    undoExplain: "يمكنك التراجع حتى {{until}}. سيعود النشاط وكل الإجابات كما كانت، ويُبلَّغ الجميع.",
    undo: "التراجع عن الإلغاء",
    restored: "النشاط لم يعد ملغى. كل الإجابات كما كانت.",
    undoThisOnly: "تراجع لهذا التاريخ فقط",
    undoTogether: "تراجع عن كل التواريخ الملغاة معاً ({{count}})",
    restoredTogether: "لم تعد التواريخ ملغاة ({{count}}). كل الإجابات كما كانت.",
    offersHeld: "أماكن معروضة",
    offersCount: "{{n}} محجوزة الآن",
    offeredUntil: "معروض حتى {{until}}",
    messageHeading: "أرسل رسالة إلى القادمين",
    messageExplain: "كل من قال نعم يتلقاها كإشعار في التطبيق. لا يمكن للأعضاء الرد عليها، ولا يرون من تلقاها غيرهم.",
    messageLabel: "الرسالة (يراها الأعضاء)",
    messageHint: "مثلًا «نلتقي عند المدخل المطل على الحديقة». {{max}} حرفًا على الأكثر.",
    messageIncludeWaitlist: "أرسلها أيضًا إلى من هم على قائمة الانتظار أو عُرض عليهم مكان",
    messageSend: "أرسل الرسالة",
    messageSent: "أُرسلت الرسالة إلى {{n}}.",
  },
  validation: {
    staffNotices: {
      reasonRequired: "اكتب سبب إلغاء النشاط. سيراه الأعضاء.",
      reasonTooLong: "اكتب أقصر: 300 حرف على الأكثر.",
      confirmRequired: "ضع علامة لتأكيد أنك تريد الإلغاء.",
      tooLateToUndo: "فات وقت التراجع: مرّ يوم، أو بدأ النشاط.",
    },
  },
} as const;
