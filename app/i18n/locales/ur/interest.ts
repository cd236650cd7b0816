// Urdu: "Would you like a network where you live?" (/interest). Draft: needs native review.
import type { Catalog } from "../nb";

export default {
  interest: {
    meta: { page: "جہاں آپ رہتے ہیں" },
    title: "کیا آپ چاہتے ہیں کہ جہاں آپ رہتے ہیں وہاں ایک نیٹ ورک ہو؟",
    intro:
      "ہم ناروے میں مزید جگہوں پر نیٹ ورک شروع کرنا چاہتے ہیں۔ ہمیں بتائیں کہ آپ کہاں رہتے ہیں، تاکہ ہم دیکھ سکیں کہ کہاں ضرورت ہے۔ ہم آپ کا نام یا رابطے کی معلومات نہیں پوچھتے، اور ہم آپ کو جواب نہیں دے سکتے۔",
    countyLabel: "صوبہ (fylke)",
    countyChoose: "صوبہ چنیں",
    countyHint: "پہلے صوبہ چنیں۔ پھر آپ اس صوبے کی کوئی بلدیہ چن سکتے ہیں۔",
    municipalityLabel: "بلدیہ (اختیاری)",
    municipalityHint: "بلدیہ اسی صوبے میں ہونی چاہیے جو آپ نے چنا۔",
    municipalityNone: "کوئی خاص بلدیہ نہیں",
    audienceLabel: "نیٹ ورک کس کے لیے ہو؟",
    audience_women: "خواتین",
    audience_men: "مرد",
    audience_everyone: "سب",
    languageLabel: "زبان (اختیاری)",
    languageHint: "وہ زبان جو آپ نیٹ ورک میں استعمال کرنا چاہیں گے۔",
    languageNone: "کوئی خاص زبان نہیں",
    submit: "بھیجیں",
    submitting: "بھیجا جا رہا ہے …",
    whatWeKeepTitle: "ہم کیا محفوظ کرتے ہیں",
    whatWeKeep:
      "صرف ایک گنتی: اس مہینے کتنے لوگ صوبے (اور بلدیہ) میں نیٹ ورک چاہتے ہیں، کس کے لیے اور کس زبان میں۔ ہم نام، رابطے کی معلومات، IP پتے یا وقت محفوظ نہیں کرتے۔",
    memberNote: "آپ سائن اِن ہیں، لیکن آپ کا جواب آپ کے اکاؤنٹ سے نہیں جوڑا جاتا۔ یہ باقی سب کی طرح گنا جاتا ہے۔",
    thanksTitle: "شکریہ!",
    thanksStored: "ہم نے اس کی گنتی میں ایک کا اضافہ کیا:",
    thanksCounty: "صوبہ",
    thanksMunicipality: "بلدیہ",
    thanksAudience: "کے لیے",
    thanksLanguage: "زبان",
    thanksMonth: "مہینہ",
    thanksNone: "نہیں چنا",
    thanksNothingElse: "بس اتنا ہی۔ ہم نے یہ محفوظ نہیں کیا کہ آپ کون ہیں، ابھی کہاں ہیں یا کب جواب دیا (صرف مہینہ)۔",
    thanksMember: "جواب آپ کے اکاؤنٹ سے نہیں جوڑا گیا۔",
    again: "ایک اور جواب بھیجیں",
    home: "پہلے صفحے پر",
    landingTitle: "جہاں آپ رہتے ہیں وہاں کوئی نیٹ ورک نہیں؟",
    landingText: "ہمیں بتائیں کہ آپ کہاں رہتے ہیں، نام کے بغیر۔ پھر ہم دیکھ سکتے ہیں کہ نئے نیٹ ورک کی کہاں ضرورت ہے۔",
    landingLink: "کیا آپ چاہتے ہیں کہ جہاں آپ رہتے ہیں وہاں ایک نیٹ ورک ہو؟",
    meTitle: "کیا آپ نے جگہ بدلی ہے؟",
    meText:
      "کیا آپ کہیں اور چلے گئے ہیں، یا جہاں رہتے ہیں وہاں گروپ چاہتے ہیں؟ بتائیں۔ جواب آپ کے اکاؤنٹ سے جوڑے بغیر گنا جاتا ہے۔",
    meLink: "بتائیں کہ آپ کہاں رہتے ہیں",
  },
  validation: {
    interest: {
      chooseCounty: "صوبہ چنیں۔",
      municipalityNotInCounty: "یہ بلدیہ آپ کے چنے ہوئے صوبے میں نہیں ہے۔ اس صوبے کی کوئی بلدیہ چنیں، یا کوئی نہیں۔",
      chooseAudience: "چنیں کہ نیٹ ورک کس کے لیے ہو۔",
      chooseLanguage: "فہرست سے زبان چنیں، یا کوئی خاص زبان نہیں۔",
      tooManyAttempts: "آج یہاں سے بہت سے جواب بھیجے گئے ہیں۔ کل دوبارہ کوشش کریں۔",
    },
  },
} satisfies Pick<Catalog, "interest"> & { validation: Pick<Catalog["validation"], "interest"> };
