// اردو، صرف عملے کے صفحات: دعوتی پرچیاں گروہوں میں اور رکن کا صفحہ اس کی حاضری کے ساتھ۔
export default {
  staffSlips: {
    label: "اس گروہ کا نام (صرف عملے کے لیے)",
    labelHint: "مثلاً «برگن، مردوں کا گروپ، کیفے میں دی گئیں»۔ پرچیوں پر نہیں چھپتا۔ زیادہ سے زیادہ {{max}} حروف۔",
    languages: "پرچیوں کی زبانیں",
    languagesHint: "ایک یا دو زبانیں۔ کوڈ اور QR کوڈ وہی رہتے ہیں۔",
    cutHint: "نقطہ دار لکیروں پر کاٹیں۔",
    noLabel: "بغیر نام",
    groups: "گروپ:",
    noGroups: "کوئی گروپ نہیں",
    slipLanguages: "زبانیں:",
  },
  staffMember: {
    back: "اراکین کی طرف",
    status: "حالت",
    active: "فعال",
    deactivated: "غیر فعال",
    groups: "گروپ",
    noGroups: "کوئی گروپ نہیں",
    history: "حاضری",
    historyIntro: "آخری {{max}} سرگرمیاں جن کے لیے رکن نے ہاں کہا یا آیا۔ یہ صرف مقامی شاخ کا عملہ دیکھتا ہے۔",
    historyNone: "ابھی کوئی سرگرمی نہیں۔",
    activity: "سرگرمی",
    date: "تاریخ",
    outcome: "حاضری",
    came: "آیا",
    didNotCome: "نہیں آیا",
    walkIn: "جواب دیے بغیر آیا",
    open: "{{pseudonym}} دیکھیں",
    meta: "رکن",
  },
  validation: {
    staffSlips: {
      chooseLanguages: "ایک یا دو زبانیں چنیں۔",
      labelTooLong: "نام زیادہ سے زیادہ 80 حروف کا ہو سکتا ہے۔",
    },
  },
};
