// اردو, shared parts. Draft: needs review by a native speaker. Short sentences, common words.
export default {
  meta: {
    home: "خوش آمدید",
    notFound: "صفحہ نہیں ملا",
    error: "کچھ غلط ہو گیا",
  },
  layout: {
    skipToContent: "مواد پر جائیں",
    mainNav: "مرکزی مینو",
    home: "پہلا صفحہ",
    language: "زبان",
    changeLanguage: "زبان بدلیں",
    activities: "سرگرمیاں",
    myPage: "میرا صفحہ",
    staffHome: "عملہ",
    signOut: "لاگ آؤٹ",
    footer: "ملنے کی ایک محفوظ جگہ۔",
  },
  home: {
    title: "خوش آمدید",
    intro: "یہاں آپ کو سرگرمیاں اور ایسے لوگ ملیں گے جو آپ کو سمجھتے ہیں۔ آپ کو کچھ سمجھانے کی ضرورت نہیں۔",
    chaptersTitle: "مقامی گروپ",
    chaptersIntro: "ناروے میں کئی جگہوں پر ہمارے مقامی گروپ ہیں:",
    noChapters: "ابھی کوئی مقامی گروپ نہیں۔",
    howToJoinTitle: "شامل کیسے ہوں",
    howToJoin:
      "آپ کو یہاں کام کرنے والے کسی شخص سے ایک کوڈ ملتا ہے۔ ہم ملاقات پر کوڈ دیتے ہیں۔ کوڈ سے آپ اکاؤنٹ بناتے ہیں۔ فرضی نام آپ خود چنتے ہیں۔",
    haveCode: "میرے پاس کوڈ ہے",
    signIn: "لاگ اِن",
  },
  errors: {
    notFoundTitle: "ہمیں صفحہ نہیں ملا",
    notFoundBody: "یہ صفحہ موجود نہیں، یا آپ کو اس تک رسائی نہیں۔",
    notFoundHelp: "پتا چیک کریں، یا پہلے صفحے پر جائیں۔",
    errorTitle: "کچھ غلط ہو گیا",
    errorBody: "یہ آپ کی غلطی نہیں۔ تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    goHome: "پہلے صفحے پر جائیں",
    statusTitle: "خرابی {{status}}",
    adminOnlyTitle: "یہ صفحہ قومی ایڈمنز کے لیے ہے",
    adminOnlyBody:
      "آپ کوآرڈینیٹر کے طور پر لاگ اِن ہیں۔ اسے صرف قومی ایڈمن استعمال کر سکتے ہیں۔ اگر آپ کو اس صفحے سے کچھ چاہیے تو کسی ایڈمن سے پوچھیں۔",
    backToStaff: "عملے کے صفحات پر واپس جائیں",
    forbiddenTitle: "آپ کو اس صفحے تک رسائی نہیں ہے",
    forbiddenBody: "جس اکاؤنٹ سے آپ لاگ اِن ہیں وہ یہ صفحہ نہیں کھول سکتا۔",
    notSavedTitle: "ہم اسے محفوظ نہیں کر سکے",
    notSavedBody:
      "کچھ بھی تبدیل نہیں ہوا۔ ہم اس وقت کچھ بھی محفوظ نہیں کر سکتے۔ براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
  },
  validation: {
    summaryTitle: "کچھ ٹھیک کرنا ہے",
    errorPrefix: "غلطی:",
    invalid: "یہ خانہ چیک کریں۔",
    required: "یہ خانہ بھریں۔",
    tooLong: "متن بہت لمبا ہے۔",
  },
} as const;
