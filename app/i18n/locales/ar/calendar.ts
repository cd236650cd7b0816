// Calendar feeds: the section on my page, the staff feeds page, the words inside feeds.
// Draft: needs native review.
export default {
  calendar: {
    metaTitle: "التقويم",
    event: {
      /** the title of every event when "hide activity names" is on */
      neutralTitle: "موعد",
      going: "أنت مسجّل.",
      waitlisted: "أنت في قائمة الانتظار.",
      offered: "يُعرض عليكِ مكان. أجيبي على الموقع.",
      notAnswered: "لم ترد بعد.",
      cancelled: "أُلغي.",
    },
    section: {
      title: "الأنشطة في تقويمك",
      intro: "برابط خاص يعرض تقويم هاتفك أنشطتك. التقويم يجلب التغييرات وحده.",
      secret: "كل من عنده الرابط يرى أنشطتك. لا تعطه لأحد.",
      noLink: "ليس لديك رابط تقويم بعد.",
      hasLink: "لديك رابط تقويم. صُنع في {{date}}.",
      lostLink: "هل ضاع الرابط؟ اصنع رابطًا جديدًا. القديم يتوقف فورًا.",
      createLink: "اصنع رابط تقويم",
      replaceLink: "اصنع رابطًا جديدًا",
      newLinkTitle: "رابط التقويم الجديد",
      copyNow: "انسخ الرابط الآن. نعرضه هذه المرة فقط.",
      linkLabel: "رابط التقويم",
      copy: "انسخ الرابط",
      copied: "نُسخ الرابط.",
      copyFailed: "لم نستطع النسخ. حدد النص وانسخه بنفسك.",
      openInApp: "افتح في تطبيق التقويم",
      settingsTitle: "ماذا يعرض التقويم",
      discreetLabel: "أخفِ أسماء الأنشطة",
      discreetHint: "كل الأنشطة اسمها «موعد»، بلا وصف. العنوان يظهر فقط في الأنشطة التي سجلت فيها.",
      allLabel: "اعرض كل الأنشطة القادمة التي يمكنني حضورها",
      allHint: "وإلا يعرض التقويم فقط ما سجلت فيه أو ما أنت في قائمة انتظاره.",
      saveSettings: "احفظ الاختيارات",
      settingsSaved: "حُفظت الاختيارات. التقويم يعرض التغيير في المرة القادمة التي يجلب فيها.",
      howToTitle: "كيف تضيف التقويم",
      appleTitle: "iPhone و iPad",
      apple:
        "اضغط «افتح في تطبيق التقويم» بعد أن تصنع الرابط مباشرة. أو: الإعدادات › التقويم › الحسابات › إضافة حساب › أخرى › إضافة تقويم مشترك فيه، والصق الرابط.",
      googleTitle: "تقويم Google (Android)",
      google:
        "افتح تقويم Google في متصفح على حاسوب. اضغط + عند «تقويمات أخرى»، واختر «من عنوان URL» والصق الرابط. ثم يظهر التقويم في الهاتف. قد يحتاج Google يومًا كاملًا ليعرض التغييرات.",
      outlookTitle: "Outlook",
      outlook: "اذهب إلى التقويم › إضافة تقويم › الاشتراك من الويب، والصق الرابط.",
      removeTitle: "كيف تزيل التقويم",
      remove: "احذف التقويم المشترك فيه من تطبيق التقويم. إذا أردت أن يتوقف الرابط أيضًا، اصنع رابطًا جديدًا هنا.",
      privacyTip: "نصيحة: هل يستخدم غيرك هاتفك، أو يرى الشاشة؟ أوقف إشعارات هذا التقويم، وشغّل «أخفِ أسماء الأنشطة».",
    },
    staff: {
      metaTitle: "تقويم الفروع",
      title: "تقويم الفروع",
      intro: "رابط تقويم خاص لكل فرع. التقويم يعرض كل أنشطة الفرع، مع العنوان. لا تعطِ الرابط لأحد.",
      noChapters: "أنت لا تعمل في أي فرع بعد.",
      hasLink: "صُنع الرابط في {{date}}.",
      noLink: "لا يوجد رابط بعد.",
      newLinkFor: "رابط تقويم جديد لـ {{chapter}}",
    },
    download: {
      link: "أضف إلى تقويمي (.ics)",
      // Sent in a Content-Disposition header: Latin letters only.
      fileName: "mawid",
    },
  },
} as const;
