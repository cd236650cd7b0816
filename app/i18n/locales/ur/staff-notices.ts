// Urdu, staff pages only: cancelling with care, undo, offers held. Draft: needs native review.
export default {
  staffNotices: {
    cancelExplain:
      "جو آ رہے ہیں، جنہیں جگہ کی پیشکش ہے یا جو انتظار کی فہرست میں ہیں، سب کو وجہ کے ساتھ اطلاع ملتی ہے۔ آپ ایک دن تک (اور شروع ہونے سے پہلے) واپس لے سکتے ہیں۔",
    reasonLabel: "وجہ (ممبران اسے دیکھتے ہیں)",
    reasonHint: "آسان الفاظ میں، مثلاً «معذرت، رہنما بیمار ہیں»۔ زیادہ سے زیادہ {{max}} حروف۔",
    confirmLabel: "ہاں، منسوخ کریں اور سب کو بتائیں",
    reasonShown: "وجہ:",
    undoHeading: "منسوخی واپس لیں",
    undoExplain: "آپ {{until}} تک واپس لے سکتے ہیں۔ سرگرمی اور ہر جواب پہلے جیسا ہو جائے گا، اور سب کو بتایا جائے گا۔",
    undo: "منسوخی واپس لیں",
    restored: "سرگرمی اب منسوخ نہیں۔ ہر جواب پہلے جیسا ہے۔",
    offersHeld: "پیشکش کی گئی جگہیں",
    offersCount: "ابھی {{n}} رکھی گئی ہیں",
    offeredUntil: "{{until}} تک پیشکش",
  },
  validation: {
    staffNotices: {
      reasonRequired: "لکھیں کہ سرگرمی کیوں منسوخ ہو رہی ہے۔ ممبران اسے دیکھیں گے۔",
      reasonTooLong: "مختصر لکھیں: زیادہ سے زیادہ 300 حروف۔",
      confirmRequired: "تصدیق کے لیے خانے پر نشان لگائیں کہ آپ منسوخ کرنا چاہتے ہیں۔",
      tooLateToUndo: "واپس لینے میں دیر ہو گئی: ایک دن گزر گیا، یا سرگرمی شروع ہو چکی ہے۔",
    },
  },
} as const;
