// العربية, shared parts. Draft: needs review by a native speaker. Short sentences, common words.
export default {
  meta: {
    home: "أهلًا بك",
    notFound: "الصفحة غير موجودة",
    error: "حدث خطأ",
  },
  layout: {
    skipToContent: "اذهب إلى المحتوى",
    mainNav: "القائمة الرئيسية",
    home: "الصفحة الرئيسية",
    language: "اللغة",
    changeLanguage: "غيّر اللغة",
    activities: "الأنشطة",
    myPage: "صفحتي",
    staffHome: "الموظفون",
    signOut: "خروج",
    footer: "مكان آمن للقاء.",
  },
  home: {
    title: "أهلًا بك",
    intro: "هنا تجد أنشطة وأناسًا يفهمونك. لا تحتاج أن تشرح.",
    chaptersTitle: "الفروع المحلية",
    chaptersIntro: "لدينا فروع في عدة أماكن في النرويج:",
    noChapters: "لا توجد فروع بعد.",
    howToJoinTitle: "كيف تنضم",
    howToJoin:
      "تحصل على رمز من أحد العاملين هنا. نعطيك الرمز عندما نلتقي. بالرمز تنشئ حسابًا. أنت تختار اسمًا مستعارًا.",
    haveCode: "عندي رمز",
    signIn: "دخول",
  },
  errors: {
    notFoundTitle: "لم نجد الصفحة",
    notFoundBody: "الصفحة غير موجودة، أو ليس لديك إذن بفتحها.",
    notFoundHelp: "تحقق من العنوان، أو اذهب إلى الصفحة الرئيسية.",
    errorTitle: "حدث خطأ",
    errorBody: "ليس هذا خطأك. حاول مرة أخرى بعد قليل.",
    goHome: "اذهب إلى الصفحة الرئيسية",
    statusTitle: "خطأ {{status}}",
  },
  validation: {
    summaryTitle: "يجب تصحيح شيء",
    errorPrefix: "خطأ:",
    invalid: "تحقق من هذا الحقل.",
    required: "املأ هذا الحقل.",
    tooLong: "النص طويل جدًا.",
  },
} as const;
